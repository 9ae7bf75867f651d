package app

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// BatchID names a batch of new members and upgrades: a quarterly batch
// ("2026-Q2"), or a supplementary batch ("2026-S1"), which takes the
// records of a year that arrive after its fourth quarter was published.
type BatchID struct {
	Year int
	// Quarter is 1 to 4; 0 for a supplementary batch.
	Quarter int
	// Supplement numbers a year's supplementary batches from 1.
	Supplement int
}

// ParseBatchID reads "YYYY-Qn" or "YYYY-Sn".
func ParseBatchID(s string) (BatchID, error) {
	bad := Errorf(CodeInvalid, "batch_id", "%q is not a batch: write YYYY-Qn, e.g. 2026-Q2, or YYYY-Sn for a supplementary batch", s).WithParams("batch", s)
	if len(s) < 7 || s[4] != '-' {
		return BatchID{}, bad
	}
	y, err1 := strconv.Atoi(s[:4])
	n, err2 := strconv.Atoi(s[6:])
	if err1 != nil || err2 != nil || y < 2000 || y > 2999 || n < 1 || s[6] == '+' || s[6] == '-' {
		return BatchID{}, bad
	}
	switch s[5] {
	case 'Q', 'q':
		if n > 4 || len(s) != 7 {
			return BatchID{}, bad
		}
		return BatchID{Year: y, Quarter: n}, nil
	case 'S', 's':
		if n > 99 {
			return BatchID{}, bad
		}
		return BatchID{Year: y, Supplement: n}, nil
	}
	return BatchID{}, bad
}

func (b BatchID) String() string {
	if b.Supplement > 0 {
		return fmt.Sprintf("%d-S%d", b.Year, b.Supplement)
	}
	return fmt.Sprintf("%d-Q%d", b.Year, b.Quarter)
}

// LastDay is the last day of the standing a batch reads: its quarter's
// (batches go online at the end of March, June, September and December);
// for a supplementary batch, the year's.
func (b BatchID) LastDay() time.Time {
	if b.Supplement > 0 {
		return time.Date(b.Year, time.December, 31, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(b.Year, time.Month(b.Quarter*3)+1, 0, 0, 0, 0, 0, time.UTC)
}

// ReasonRow is a reason in a form the UI can translate.
type ReasonRow struct {
	Code   string            `json:"code"`
	Params map[string]string `json:"params"`
	Text   string            `json:"text"`
}

// Kinds of batch entry.
const (
	BatchNew     = "new"     // held no level in the year
	BatchUpgrade = "upgrade" // held a lower level in the year
)

// BatchEntry is one member of a batch, frozen when published: a new
// member, or an upgrade from the level held before (From).
type BatchEntry struct {
	MemberID    uint64 `json:"member_id"`
	Name        string `json:"name"`
	NameLatin   string `json:"name_latin"`
	Phone       string `json:"phone"`
	City        string `json:"city"`
	Level       string `json:"level"`
	Kind        string `json:"kind"`
	From        string `json:"from"`
	QualifiedOn string `json:"qualified_on"`
	// Late: qualified before the batch's quarter began, on a record that
	// arrived after the earlier batches were published.
	Late   bool      `json:"late"`
	Reason ReasonRow `json:"reason"`
}

// Batch is a quarter's new members and upgrades, or a supplementary
// batch's. A preview has no PublishedAt; a published batch never changes
// (corrections are decisions).
type Batch struct {
	ID      string `json:"id"`
	Year    int    `json:"year"`
	Quarter int    `json:"quarter"`
	// Supplement numbers a supplementary batch (Quarter is then 0).
	Supplement  int          `json:"supplement,omitempty"`
	Entries     []BatchEntry `json:"entries"`
	Published   bool         `json:"published"`
	PublishedAt time.Time    `json:"published_at"`
	PublishedBy string       `json:"published_by"`
	// Blocked says why the batch cannot be published now (no Code if it can).
	Blocked ReasonRow `json:"blocked"`
}

// Holding is the level a member holds in one calendar year: one entry of
// the honor ledger. A batch of year Y gives Y, the renewal of Y gives
// Y+1, a correction gives the year it names; nothing rewrites another
// year's holding.
type Holding struct {
	MemberID uint64 `json:"member_id"`
	Year     int    `json:"year"`
	Level    string `json:"level"`
	// Source is what gave it: "batch:2026-Q2", "renewal:2025",
	// "decision:12"; at headquarters, the holding of the member's chapter
	// that gave the highest level, as that chapter sent it.
	Source string    `json:"source"`
	At     time.Time `json:"at"`
	By     string    `json:"by"`
	// History is what the holding of the year was before, oldest first.
	History []HoldingChange `json:"history,omitempty"`
	// Through is, in a holding read from a bundle of version 1 or 2, the
	// last of the years it covered from Year (those bundles sent one
	// holding a member, "from" through "valid_through"); the merge spreads
	// it over those years.
	Through int `json:"-"`
}

// UnmarshalJSON reads a holding as the ledger writes it, and as bundles
// of versions 1 and 2 did.
func (h *Holding) UnmarshalJSON(data []byte) error {
	type plain Holding
	var v struct {
		plain
		From         int `json:"from"`
		ValidThrough int `json:"valid_through"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*h = Holding(v.plain)
	if h.Year == 0 && v.From != 0 {
		h.Year, h.Through = v.From, v.ValidThrough
	}
	return nil
}

// HoldingChange is a member's earlier holding of a year.
type HoldingChange struct {
	Level  string    `json:"level"`
	Source string    `json:"source"`
	At     time.Time `json:"at"`
	By     string    `json:"by"`
}

// Superseded is h as history: what it was before next replaced it.
func (h Holding) Superseded() HoldingChange {
	return HoldingChange{Level: h.Level, Source: h.Source, At: h.At, By: h.By}
}

// RenewalEntry is one member's level for the next year: a holder of the
// year, or a member who reached a level in it. Was, in an amendment, is
// the level the confirmed renewal gave.
type RenewalEntry struct {
	MemberID uint64    `json:"member_id"`
	Name     string    `json:"name"`
	Phone    string    `json:"phone"`
	City     string    `json:"city"`
	Points   int       `json:"points"`
	From     string    `json:"from"`
	To       string    `json:"to"`
	Outcome  string    `json:"outcome"`
	Was      string    `json:"was,omitempty"`
	Reason   ReasonRow `json:"reason"`
}

// Renewal is the year-end review of year Year, deciding Year+1 for every
// holder and every new member of Year. A confirmed renewal is frozen; a
// record of Year that arrives after it shows as Pending, an amendment to
// confirm, and each confirmed amendment is kept in Amendments.
type Renewal struct {
	Year        int            `json:"year"`
	Entries     []RenewalEntry `json:"entries"`
	Counts      map[string]int `json:"counts"` // by outcome
	Confirmed   bool           `json:"confirmed"`
	ConfirmedAt time.Time      `json:"confirmed_at"`
	ConfirmedBy string         `json:"confirmed_by"`
	// Pending are the members whose level for Year+1 the records of Year
	// now give otherwise than the confirmed renewal did.
	Pending    []RenewalEntry     `json:"pending"`
	Amendments []RenewalAmendment `json:"amendments"`
	Blocked    ReasonRow          `json:"blocked"`
}

// RenewalAmendment is a confirmed change to a confirmed renewal.
type RenewalAmendment struct {
	Entries     []RenewalEntry `json:"entries"`
	ConfirmedAt time.Time      `json:"confirmed_at"`
	ConfirmedBy string         `json:"confirmed_by"`
}
