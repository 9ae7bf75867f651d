package app

import (
	"strconv"
	"strings"

	"acedesk/app/rules"
)

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

// List returns one page of the year's contributions matching q, each with
// the points its year's rules give it.
func (s *ContributionService) List(q ContributionQuery) (ContributionPage, error) {
	q = q.Clamp()
	if err := q.Validate(); err != nil {
		return ContributionPage{}, err
	}
	page, err := s.repo.ListContributions(q)
	if err != nil {
		return ContributionPage{}, err
	}
	r, err := s.rules.Get(q.Year)
	if err != nil {
		return ContributionPage{}, err
	}
	for i := range page.Items {
		// A kind since removed from the year's table earns nothing.
		k, _ := r.Kind(page.Items[i].Kind)
		page.Items[i].Points = pointsOf(k, page.Items[i].Contribution)
	}
	return page, nil
}

// pointsOf is what c alone earns as kind k: the override, else its quantity
// in whole units times the kind's points.
func pointsOf(k rules.KindRule, c Contribution) int {
	if c.Override != nil {
		return *c.Override
	}
	return k.PointsFor(c.Quantity)
}

// unknownKind is the error of a kind that is neither a key nor a label of
// year's rules.
func unknownKind(kind string, year int) *Error {
	return &Error{Code: CodeInvalid, Reason: "fields", Message: "unknown contribution kind " + kind,
		Fields: map[string]string{"kind": "unknown_kind"}, Params: map[string]string{"kind": kind, "year": strconv.Itoa(year)}}
}
