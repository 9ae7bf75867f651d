package app

import (
	"strings"
	"time"
)

// Contribution statuses: only approved contributions earn points.
const (
	StatusPending  = "pending"
	StatusApproved = "approved"
	StatusRejected = "rejected"
)

// DateLayout is how dates of the program (contributions, events) are kept:
// civil dates, so a contribution on 31 December never moves year by zone.
const DateLayout = "2006-01-02"

// Contribution is one thing a member did that may earn points.
type Contribution struct {
	ID       uint64 `json:"id"`
	MemberID uint64 `json:"member_id"`
	Kind     string `json:"kind"`
	Date     string `json:"date"`
	// Quantity is the number of PG 豆 for forum_beans, else 1.
	Quantity int    `json:"quantity"`
	Title    string `json:"title"`
	Evidence string `json:"evidence"`
	Status   string `json:"status"`
	// Override replaces the computed points; a person decided it, so it
	// carries a reason.
	Override       *int   `json:"override"`
	OverrideReason string `json:"override_reason"`
	// EventID is the event whose talk or organisation created it; the
	// event, not the contribution, decides its member and date.
	EventID   uint64    `json:"event_id"`
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Year is the calendar year the contribution's points belong to.
func (c Contribution) Year() int {
	t, err := time.Parse(DateLayout, c.Date)
	if err != nil {
		return 0
	}
	return t.Year()
}

func (c *Contribution) Normalize() {
	c.Kind = strings.TrimSpace(c.Kind)
	c.Date = strings.TrimSpace(c.Date)
	c.Title = strings.TrimSpace(c.Title)
	c.Evidence = strings.TrimSpace(c.Evidence)
	c.OverrideReason = strings.TrimSpace(c.OverrideReason)
	if c.Status == "" {
		c.Status = StatusPending
	}
	if c.Quantity == 0 {
		c.Quantity = 1
	}
}

// Validate checks the contribution on its own; whether its kind exists in
// its year's rules is the service's check.
func (c Contribution) Validate() error {
	f := FieldErrors{}
	if c.MemberID == 0 {
		f.Add("member_id", "required")
	}
	if c.Kind == "" {
		f.Add("kind", "required")
	}
	if c.Date == "" {
		f.Add("date", "required")
	} else if y := c.Year(); y < 2000 || y > 2999 {
		f.Add("date", "invalid_date")
	}
	checkQuantity(f, "quantity", c.Quantity, 1)
	switch c.Status {
	case StatusPending, StatusApproved, StatusRejected:
	default:
		f.Add("status", "invalid_choice")
	}
	if c.Override != nil {
		checkQuantity(f, "override", *c.Override, 0)
	}
	if c.Override != nil && c.OverrideReason == "" {
		f.Add("override_reason", "required")
	}
	checkTexts(f, textField{"kind", c.Kind, MaxNote, false}, textField{"title", c.Title, MaxNote, false},
		textField{"evidence", c.Evidence, MaxNote, false}, textField{"override_reason", c.OverrideReason, MaxNote, true})
	return f.Err()
}

// ContributionQuery asks for one page of a year's contributions, newest
// date first. Empty Status, zero MemberID and empty Kind mean all; Text
// matches the member's name or phone, or the title.
type ContributionQuery struct {
	Year     int    `json:"year"`
	Status   string `json:"status"`
	MemberID uint64 `json:"member_id"`
	Kind     string `json:"kind"`
	Text     string `json:"text"`
	Offset   int    `json:"offset"`
	Limit    int    `json:"limit"`
}

// Clamp fixes an out-of-range offset or limit, as MemberQuery.Clamp does.
func (q ContributionQuery) Clamp() ContributionQuery {
	m := MemberQuery{Text: q.Text, Offset: q.Offset, Limit: q.Limit}.Clamp()
	q.Text, q.Offset, q.Limit = m.Text, m.Offset, m.Limit
	q.Status = strings.TrimSpace(q.Status)
	q.Kind = strings.TrimSpace(q.Kind)
	return q
}

// Validate refuses a year outside the program's range or an unknown status.
func (q ContributionQuery) Validate() error {
	f := FieldErrors{}
	if q.Year < 2000 || q.Year > 2999 {
		f.Add("year", "invalid_year")
	}
	switch q.Status {
	case "", StatusPending, StatusApproved, StatusRejected:
	default:
		f.Add("status", "invalid_choice")
	}
	return f.Err()
}

// ContributionRow is a contribution as the list shows it: with its member's
// name and phone, and the points it alone earns.
type ContributionRow struct {
	Contribution
	MemberName  string `json:"member_name"`
	MemberPhone string `json:"member_phone"`
	Points      int    `json:"points"`
}

// ContributionPage is one page of a contribution list with the number of
// matches.
type ContributionPage struct {
	Items []ContributionRow `json:"items"`
	Total int               `json:"total"`
}
