package service

import (
	"cmp"
	"slices"
	"time"

	"acedesk/app"
	"acedesk/app/rules"
)

// LevelCount is how many members hold each level, overall (Key "all") or
// within one city or organisation category (Key "" when the member record
// does not say).
type LevelCount struct {
	Key      string `json:"key"`
	Partner  int    `json:"partner"`
	ACE      int    `json:"ace"`
	Director int    `json:"director"`
}

func (c *LevelCount) add(l rules.Level) {
	switch l {
	case rules.LevelPartner:
		c.Partner++
	case rules.LevelACE:
		c.ACE++
	case rules.LevelDirector:
		c.Director++
	}
}

func (c LevelCount) total() int { return c.Partner + c.ACE + c.Director }

// NearMember is a member a little short of the next level ("还差 40 分").
type NearMember struct {
	MemberID uint64 `json:"member_id"`
	Name     string `json:"name"`
	City     string `json:"city"`
	Points   int    `json:"points"`
	Next     string `json:"next"`
	ToNext   int    `json:"to_next"`
}

// dutiesFromMonth is when open group duties start to show: a quarter is
// left to hold the event or write the report.
const dutiesFromMonth = time.October

// dutiesDue lists the groups whose yearly duty is still open: a city group
// with no event in year, an industry group with no December report
// recorded. Only groups with a term in year owe it. A year's duties show from 1 October of it, and for good once
// it is over.
func dutiesDue(year int, today time.Time, groups []app.Group, events []app.Event, people map[uint64]app.MemberSummary) []GroupDuty {
	out := []GroupDuty{}
	if today.Year() < year || (today.Year() == year && today.Month() < dutiesFromMonth) {
		return out
	}
	held := map[uint64]bool{}
	for _, e := range events {
		held[e.GroupID] = true
	}
	for _, g := range groups {
		t, active := g.Term(year) // a group with no term that year owed nothing
		if !active {
			continue
		}
		var duty string
		switch {
		case g.Committee == app.CommitteeRegional && !held[g.ID]:
			duty = "event"
		case g.Committee == app.CommitteeIndustry && t.ReportDate == "":
			duty = "report"
		default:
			continue
		}
		out = append(out, GroupDuty{GroupID: g.ID, Group: g.Name, Committee: app.CommitteeByKey(g.Committee), Duty: duty, Lead: people[t.LeadID].Name})
	}
	return out
}

// GroupDuty is a committee group whose yearly duty (a local event, or an
// industry report) is still open.
type GroupDuty struct {
	GroupID   uint64        `json:"group_id"`
	Group     string        `json:"group"`
	Committee app.Committee `json:"committee"`
	Duty      string        `json:"duty"` // "event" or "report"
	Lead      string        `json:"lead"`
}

// Dashboard is the year at a glance for the chapter lead.
type Dashboard struct {
	Year int `json:"year"`
	// Members counts the roster, archived included: 0 is an empty database.
	Members          int          `json:"members"`
	Levels           LevelCount   `json:"levels"`
	Pending          int          `json:"pending"`
	PointsByMonth    [12]int      `json:"points_by_month"`
	LevelsByCity     []LevelCount `json:"levels_by_city"`
	LevelsByCategory []LevelCount `json:"levels_by_category"`
	// NearThreshold is the closest nearMax of the NearCount members near a
	// threshold: the standings page lists them all.
	NearThreshold []NearMember `json:"near_threshold"`
	NearCount     int          `json:"near_count"`
	Duties        []GroupDuty  `json:"duties"`
}

// The dashboard lists the closest few of the members near a threshold
// (isNear), and counts them all.
const nearMax = 20

// dashboardStore is what DashboardService needs of the store.
type dashboardStore interface {
	HoldingsIn(year int) ([]app.Holding, error)
	CountMembers() (int, error)
	Events(year int) ([]app.Event, error)
	// MemberSummaries loads many members' summaries in one transaction;
	// missing IDs are absent.
	MemberSummaries(ids []uint64) (map[uint64]app.MemberSummary, error)
}

// DashboardService sums up a year.
type DashboardService struct {
	repo      dashboardStore
	clock     app.Clock
	standings *StandingsService
}

// ForYear is year's dashboard under that year's rules.
func (s *DashboardService) ForYear(year int) (Dashboard, error) {
	y, err := s.standings.compute(year)
	if err != nil {
		return Dashboard{}, err
	}
	members, err := s.repo.CountMembers()
	if err != nil {
		return Dashboard{}, err
	}
	d := Dashboard{Year: year, Members: members, Levels: LevelCount{Key: "all"},
		LevelsByCity: []LevelCount{}, LevelsByCategory: []LevelCount{}, NearThreshold: []NearMember{}, Duties: []GroupDuty{}}
	for _, c := range y.contribs {
		if c.Status == rules.StatusPending {
			d.Pending++
		}
	}

	// The levels are the year's holders, as the honor ledger has them: the
	// same answer as every other list of holders.
	held, err := s.repo.HoldingsIn(year)
	if err != nil {
		return Dashboard{}, err
	}
	// Only holders and members near a level are looked up: at thousands of
	// members, decoding every record would cost more than the rules.
	var ids []uint64
	for _, h := range held {
		d.Levels.add(rules.Level(h.Level))
		ids = append(ids, h.MemberID)
	}
	var near []rules.Standing
	for _, st := range y.standings {
		for m, p := range st.PointsByMonth {
			d.PointsByMonth[m] += p
		}
		if isNear(st, y.rules) {
			near = append(near, st)
			ids = append(ids, st.MemberID)
		}
	}
	events, err := s.repo.Events(year)
	if err != nil {
		return Dashboard{}, err
	}
	for _, g := range y.groups {
		if t, ok := g.Term(year); ok && t.LeadID != 0 {
			ids = append(ids, t.LeadID)
		}
	}
	people, err := s.repo.MemberSummaries(ids)
	if err != nil {
		return Dashboard{}, err
	}
	d.Duties = dutiesDue(year, s.clock.Now(), y.groups, events, people)

	cities := map[string]*LevelCount{}
	categories := map[string]*LevelCount{}
	for _, h := range held {
		m := people[h.MemberID]
		category := m.OrgCategory
		if !app.IsOrgCategory(category) {
			category = ""
		}
		countIn(cities, m.City).add(rules.Level(h.Level))
		countIn(categories, category).add(rules.Level(h.Level))
	}
	for _, c := range cities {
		d.LevelsByCity = append(d.LevelsByCity, *c)
	}
	slices.SortFunc(d.LevelsByCity, func(a, b LevelCount) int {
		return cmp.Or(cmp.Compare(b.total(), a.total()), cmp.Compare(a.Key, b.Key))
	})
	for _, key := range append(slices.Clone(app.OrgCategories), "") {
		if c, ok := categories[key]; ok {
			d.LevelsByCategory = append(d.LevelsByCategory, *c)
		}
	}

	d.NearCount = len(near)
	slices.SortFunc(near, func(a, b rules.Standing) int {
		return cmp.Or(cmp.Compare(a.ToNext, b.ToNext), cmp.Compare(a.MemberID, b.MemberID))
	})
	for _, st := range near[:min(len(near), nearMax)] {
		m := people[st.MemberID]
		d.NearThreshold = append(d.NearThreshold, NearMember{MemberID: st.MemberID, Name: m.Name, City: m.City,
			Points: st.Points, Next: string(st.Next), ToNext: st.ToNext})
	}
	return d, nil
}

func countIn(counts map[string]*LevelCount, key string) *LevelCount {
	c, ok := counts[key]
	if !ok {
		c = &LevelCount{Key: key}
		counts[key] = c
	}
	return c
}
