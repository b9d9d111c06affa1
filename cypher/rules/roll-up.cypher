// roll-up(): the relationships an actor climbs to the parties it speaks for: an official REPRESENTS
// its party, a delegation is a DELEGATION_OF its party, a body is PART_OF a larger party; at most
// three steps (an official of a ministry of a state). The roll-up rule of docs/model.md.
:REPRESENTS|DELEGATION_OF|PART_OF*0..3
