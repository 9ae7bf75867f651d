package app

import (
	"encoding/json"
	"time"
)

// AuditEntry is one append-only record of a change: who, when, what, and
// the record before and after (null when created or deleted), and why when
// the change needed a reason.
type AuditEntry struct {
	ID       uint64          `json:"id"`
	At       time.Time       `json:"at"`
	Actor    string          `json:"actor"`
	Action   string          `json:"action"`
	Entity   string          `json:"entity"`
	EntityID uint64          `json:"entity_id"`
	Before   json.RawMessage `json:"before" ts_type:"any"`
	After    json.RawMessage `json:"after" ts_type:"any"`
	Reason   string          `json:"reason,omitempty"`
}

// Change is who makes a change, when and, for one that needs it (a
// correction of what already counts), why; stores write it to the audit
// in the same transaction as the change itself.
type Change struct {
	Actor  string
	At     time.Time
	Reason string
}

// Audit actions.
const (
	ActionCreate  = "create"
	ActionUpdate  = "update"
	ActionArchive = "archive"
	ActionRestore = "restore"
	ActionDelete  = "delete"
	// ActionWithdraw takes back the decision on a contribution: it is
	// pending again.
	ActionWithdraw = "withdraw"
)
