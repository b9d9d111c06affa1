// publisher-name(@source): the name @source's publisher goes by: its Publisher entity's name, else
// the free text the source arrived with.
coalesce([(@source)-[:PUBLISHED_BY]->(_pub) | _pub.name][0], @source.publisher)
