// Package rules is the PostgreSQL ACE rules engine: pure functions from a
// year's points table, contributions, roles and decisions to each
// member's standing and the level it gives, every result with its
// reasons. It does no I/O and imports nothing of ACE Desk.
package rules
