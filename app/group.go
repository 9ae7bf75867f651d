package app

import (
	"slices"
	"strings"
	"time"
)

// Committees of the program (特别委员会). Leads of industry and city groups
// hold ACE Partner while they lead; the other committees' groups earn
// points or grants instead.
const (
	CommitteeIndustry   = "industry"   // 行业应用委员会: an application report each December
	CommitteeRegional   = "regional"   // 地区用户委员会: at least one local event each year
	CommitteeUniversity = "university" // 高校发展委员会
	CommitteeEvangelism = "evangelism" // 布道委员会: Tech&Talk, Writer
	CommitteeSpecial    = "special"    // 特殊贡献组
)

// Committee is a committee key with its labels, for lists and imports.
type Committee struct {
	Key     string `json:"key"`
	LabelZH string `json:"label_zh"`
	LabelEN string `json:"label_en"`
}

// Committees lists the committees in the order the program names them.
var Committees = []Committee{
	{CommitteeIndustry, "行业应用委员会", "Industry Application Committee"},
	{CommitteeRegional, "地区用户委员会", "Regional User Committee"},
	{CommitteeUniversity, "高校发展委员会", "University Development Committee"},
	{CommitteeEvangelism, "布道委员会", "Evangelism Committee"},
	{CommitteeSpecial, "特殊贡献组", "Special Contribution Group"},
}

// CommitteeOf finds a committee by key or either label.
func CommitteeOf(s string) (Committee, bool) {
	s = strings.TrimSpace(s)
	for _, c := range Committees {
		if strings.EqualFold(s, c.Key) || s == c.LabelZH || strings.EqualFold(s, c.LabelEN) {
			return c, true
		}
	}
	return Committee{}, false
}

// CommitteeByKey is the committee with key; groups are validated, so it exists.
func CommitteeByKey(key string) Committee {
	c, _ := CommitteeOf(key)
	return c
}

// Group is a working group (工作组) under a committee, e.g. 杭州用户组.
type Group struct {
	ID        uint64 `json:"id"`
	Committee string `json:"committee"`
	Name      string `json:"name"`
	// NameEN is the group's English name, for the English of its
	// letters of appointment; "" for none.
	NameEN string `json:"name_en"`
	City   string `json:"city"`
	// Terms are the group's years: its lead and, for industry groups, the
	// December report. At most one per year.
	Terms     []GroupTerm `json:"terms"`
	Version   int         `json:"version"`
	CreatedAt time.Time   `json:"created_at"`
	UpdatedAt time.Time   `json:"updated_at"`
}

// GroupTerm is one year of a group.
type GroupTerm struct {
	Year int `json:"year"`
	// LeadID is the member leading the group that year (0: none yet).
	LeadID uint64 `json:"lead_id"`
	// LeadSince is the day the lead began, "" for the whole year.
	LeadSince   string `json:"lead_since"`
	ReportDate  string `json:"report_date"`
	ReportTitle string `json:"report_title"`
	ReportLink  string `json:"report_link"`
}

// LeadsGivePartner reports whether the group's lead holds Partner while
// leading: only industry and city groups have the lead track.
func (g Group) LeadsGivePartner() bool {
	return g.Committee == CommitteeIndustry || g.Committee == CommitteeRegional
}

// Term returns the group's term in year.
func (g Group) Term(year int) (GroupTerm, bool) {
	for _, t := range g.Terms {
		if t.Year == year {
			return t, true
		}
	}
	return GroupTerm{}, false
}

func (g *Group) Normalize() {
	g.Committee = strings.TrimSpace(g.Committee)
	if c, ok := CommitteeOf(g.Committee); ok {
		g.Committee = c.Key
	}
	g.Name = strings.TrimSpace(g.Name)
	g.NameEN = strings.Join(strings.Fields(g.NameEN), " ")
	g.City = strings.TrimSpace(g.City)
	if g.Terms == nil {
		g.Terms = []GroupTerm{}
	}
	for i := range g.Terms {
		t := &g.Terms[i]
		t.LeadSince = strings.TrimSpace(t.LeadSince)
		t.ReportDate = strings.TrimSpace(t.ReportDate)
		t.ReportTitle = strings.TrimSpace(t.ReportTitle)
		t.ReportLink = strings.TrimSpace(t.ReportLink)
	}
	slices.SortFunc(g.Terms, func(a, b GroupTerm) int { return a.Year - b.Year })
}

func (g Group) Validate() error {
	f := FieldErrors{}
	if _, ok := CommitteeOf(g.Committee); !ok {
		f.Add("committee", "invalid_choice")
	}
	if g.Name == "" {
		f.Add("name", "required")
	}
	checkEnglish(f, "name_en", g.NameEN, 120)
	checkTexts(f, textField{"name", g.Name, MaxGroupName, false}, textField{"city", g.City, MaxCity, false})
	for i, t := range g.Terms {
		if t.Year < 2000 || t.Year > 2999 {
			f.Add("terms", "invalid_year")
		}
		if i > 0 && g.Terms[i-1].Year == t.Year {
			f.Add("terms", "duplicate_year")
		}
		if !dateInYear(t.LeadSince, t.Year) || !dateInYear(t.ReportDate, t.Year) {
			f.Add("terms", "date_outside_year")
		}
		checkTexts(f, textField{"terms", t.ReportTitle, MaxTitle, false}, textField{"terms", t.ReportLink, MaxNote, false})
	}
	return f.Err()
}

// dateInYear accepts "" or a valid date in year.
func dateInYear(s string, year int) bool {
	if s == "" {
		return true
	}
	t, err := time.Parse(DateLayout, s)
	return err == nil && t.Year() == year
}
