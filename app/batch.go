package app

import (
	"fmt"
	"strconv"
	"time"
)

// BatchID names a quarterly batch: "2026-Q2".
type BatchID struct {
	Year    int
	Quarter int
}

// ParseBatchID reads "YYYY-Qn".
func ParseBatchID(s string) (BatchID, error) {
	var id BatchID
	if len(s) != 7 || s[4] != '-' || (s[5] != 'Q' && s[5] != 'q') {
		return id, Errorf(CodeInvalid, "batch_id", "%q is not a batch: write YYYY-Qn, e.g. 2026-Q2", s).WithParams("batch", s)
	}
	y, err1 := strconv.Atoi(s[:4])
	q, err2 := strconv.Atoi(s[6:])
	if err1 != nil || err2 != nil || y < 2000 || q < 1 || q > 4 {
		return id, Errorf(CodeInvalid, "batch_id", "%q is not a batch: write YYYY-Qn, e.g. 2026-Q2", s).WithParams("batch", s)
	}
	return BatchID{y, q}, nil
}

func (b BatchID) String() string { return fmt.Sprintf("%d-Q%d", b.Year, b.Quarter) }

// LastDay is the quarter's last day: batches go online at the end of March,
// June, September and December.
func (b BatchID) LastDay() time.Time {
	return time.Date(b.Year, time.Month(b.Quarter*3)+1, 0, 0, 0, 0, 0, time.UTC)
}

// ReasonRow is a reason in a form the UI can translate.
type ReasonRow struct {
	Code   string            `json:"code"`
	Params map[string]string `json:"params"`
	Text   string            `json:"text"`
}

// BatchEntry is one new member of a batch, frozen when published.
type BatchEntry struct {
	MemberID    uint64    `json:"member_id"`
	Name        string    `json:"name"`
	NameLatin   string    `json:"name_latin"`
	Phone       string    `json:"phone"`
	City        string    `json:"city"`
	Level       string    `json:"level"`
	QualifiedOn string    `json:"qualified_on"`
	Reason      ReasonRow `json:"reason"`
}

// Batch is a quarter's new members. A preview has no PublishedAt; a
// published batch never changes (corrections are decisions).
type Batch struct {
	ID          string       `json:"id"`
	Year        int          `json:"year"`
	Quarter     int          `json:"quarter"`
	Entries     []BatchEntry `json:"entries"`
	Published   bool         `json:"published"`
	PublishedAt time.Time    `json:"published_at"`
	PublishedBy string       `json:"published_by"`
	// Blocked says why the batch cannot be published now (no Code if it can).
	Blocked ReasonRow `json:"blocked"`
}

// Holding is the level a member holds and the years it is valid for: a
// batch of year Y gives its level from Y through Y+1, and a renewal of Y
// decides Y+1.
type Holding struct {
	MemberID     uint64 `json:"member_id"`
	Level        string `json:"level"`
	From         int    `json:"from"`
	ValidThrough int    `json:"valid_through"`
	// Source is what gave it: "batch:2026-Q2", "renewal:2026", "decision:12".
	Source string `json:"source"`
}

// RenewalEntry is one holder's level for the next year.
type RenewalEntry struct {
	MemberID uint64    `json:"member_id"`
	Name     string    `json:"name"`
	Phone    string    `json:"phone"`
	City     string    `json:"city"`
	Points   int       `json:"points"`
	From     string    `json:"from"`
	To       string    `json:"to"`
	Outcome  string    `json:"outcome"`
	Reason   ReasonRow `json:"reason"`
}

// Renewal is the year-end review of year Year, deciding Year+1. Confirmed
// renewals are frozen like batches.
type Renewal struct {
	Year        int            `json:"year"`
	Entries     []RenewalEntry `json:"entries"`
	Counts      map[string]int `json:"counts"` // by outcome
	Confirmed   bool           `json:"confirmed"`
	ConfirmedAt time.Time      `json:"confirmed_at"`
	ConfirmedBy string         `json:"confirmed_by"`
	Blocked     ReasonRow      `json:"blocked"`
}

// HeldIn reports whether the holding is valid in year.
func (h Holding) HeldIn(year int) bool { return h.From <= year && year <= h.ValidThrough }
