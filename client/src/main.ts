// Replaced by the explorer (issue 5).
export {};
