package service

import (
	"acedesk/app"
	"acedesk/app/rules"
	"cmp"
	"slices"
)

// TrackRow is one way a member reaches a level, with its reason.
type TrackRow struct {
	Track  string            `json:"track"`
	Level  string            `json:"level"`
	Code   string            `json:"code"`
	Params map[string]string `json:"params"`
	Text   string            `json:"text"`
}

// StandingRow is a member's points and level for one year, with reasons.
type StandingRow struct {
	MemberID     uint64         `json:"member_id"`
	Name         string         `json:"name"`
	Phone        string         `json:"phone"`
	City         string         `json:"city"`
	Year         int            `json:"year"`
	Points       int            `json:"points"`
	PointsByKind map[string]int `json:"points_by_kind"`
	Level        string         `json:"level"`
	Next         string         `json:"next"`
	ToNext       int            `json:"to_next"`
	Tracks       []TrackRow     `json:"tracks"`
	Reasons      []string       `json:"reasons"`
	// Held is the level the member holds in the year from a batch, a
	// renewal or a correction ("none" if none).
	Held string `json:"held"`
	// Near: a little short of a higher level (see isNear), as the
	// dashboard counts and lists them.
	Near bool `json:"near"`
}

// standingsStore is what StandingsService needs of the store.
type standingsStore interface {
	Decisions(year int) ([]app.Decision, error)
	Groups() ([]app.Group, error)
	HoldingsIn(year int) ([]app.Holding, error)
	// MemberSummaries loads many members' summaries in one transaction;
	// missing IDs are absent.
	MemberSummaries(ids []uint64) (map[uint64]app.MemberSummary, error)
	// PointsInputsOfYear is what the rules need of each contribution dated in year.
	PointsInputsOfYear(year int) ([]rules.Contribution, error)
}

// StandingsService applies a year's rules to its contributions, group
// leads and decisions.
type StandingsService struct {
	repo  standingsStore
	rules *RulesService
}

// ForYear computes every member's standing in year under that year's rules.
func (s *StandingsService) ForYear(year int) ([]StandingRow, error) {
	y, err := s.compute(year)
	if err != nil {
		return nil, err
	}
	held, err := s.heldIn(year)
	if err != nil {
		return nil, err
	}
	standings := withHolders(y, held)
	ids := make([]uint64, len(standings))
	for i, st := range standings {
		ids[i] = st.MemberID
	}
	members, err := s.repo.MemberSummaries(ids)
	if err != nil {
		return nil, err
	}
	out := make([]StandingRow, 0, len(standings))
	for _, st := range standings {
		m := members[st.MemberID]
		row := StandingRow{MemberID: st.MemberID, Name: m.Name, Phone: m.Phone, City: m.City, Year: st.Year,
			Points: st.Points, PointsByKind: st.PointsByKind, Level: string(st.Level), Next: string(st.Next), ToNext: st.ToNext,
			Tracks: []TrackRow{}, Reasons: []string{}, Held: string(rules.LevelNone), Near: isNear(st, y.rules)}
		if h, ok := held[st.MemberID]; ok {
			row.Held = h
		}
		for _, t := range st.Tracks {
			row.Tracks = append(row.Tracks, TrackRow{Track: t.Track, Level: string(t.Level), Code: t.Reason.Code, Params: t.Reason.Params, Text: t.Reason.Text})
			row.Reasons = append(row.Reasons, t.Reason.Text)
		}
		out = append(out, row)
	}
	return out, nil
}

// Near the threshold means short of a level above the one the standing
// gives by at most a fifth of that level's threshold. A Director short of
// Partner points is not near anything.
const nearShareDivisor = 5

func isNear(st rules.Standing, r rules.YearRules) bool {
	if st.ToNext <= 0 || st.Next.Rank() <= st.Level.Rank() {
		return false
	}
	threshold := r.PartnerThreshold
	if st.Next == rules.LevelACE {
		threshold = r.ACEThreshold
	}
	return st.ToNext*nearShareDivisor <= threshold
}

// yearStandings is a year's rules, its contributions and the standings
// the rules make of them.
type yearStandings struct {
	rules     rules.YearRules
	contribs  []rules.Contribution
	groups    []app.Group
	standings []rules.Standing
}

// compute applies year's rules to the year's contributions.
func (s *StandingsService) compute(year int) (yearStandings, error) {
	r, err := s.rules.Get(year)
	if err != nil {
		return yearStandings{}, err
	}
	contribs, err := s.repo.PointsInputsOfYear(year)
	if err != nil {
		return yearStandings{}, err
	}
	groups, err := s.repo.Groups()
	if err != nil {
		return yearStandings{}, err
	}
	decisions, err := s.repo.Decisions(year)
	if err != nil {
		return yearStandings{}, err
	}
	return yearStandings{rules: r, contribs: contribs, groups: groups,
		standings: rules.Standings(r, contribs, rolesOf(year, groups, decisions))}, nil
}

// withHolders is the year's standings with one of no points for each
// holder of the year who has none yet (renewed in December, nothing done
// since), so that every holder is listed.
func withHolders(y yearStandings, held map[uint64]string) []rules.Standing {
	out := y.standings
	has := make(map[uint64]bool, len(out))
	for _, st := range out {
		has[st.MemberID] = true
	}
	added := false
	for id := range held {
		if !has[id] {
			out = append(out, rules.Idle(y.rules, id))
			added = true
		}
	}
	if added {
		slices.SortFunc(out, func(a, b rules.Standing) int { return cmp.Compare(a.MemberID, b.MemberID) })
	}
	return out
}

// heldIn maps each member holding a level in year to that level.
func (s *StandingsService) heldIn(year int) (map[uint64]string, error) {
	all, err := s.repo.HoldingsIn(year)
	if err != nil {
		return nil, err
	}
	out := make(map[uint64]string, len(all))
	for _, h := range all {
		out[h.MemberID] = h.Level
	}
	return out, nil
}
