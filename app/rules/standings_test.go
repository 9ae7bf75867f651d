package rules

import (
	"reflect"
	"testing"
	"time"
)

func TestStandingsPointsAndLevel(t *testing.T) {
	type want struct {
		points int
		level  Level
		next   Level
		toNext int
		tracks []string
	}
	short := []string{"points/none/points_short"}
	partner := []string{"points/partner/points_partner"}
	ace := []string{"points/ace/points_ace"}
	for _, tc := range []struct {
		name     string
		contribs []Contribution
		roles    []Role
		want     want
	}{
		{"nothing approved", []Contribution{withStatus(approved(1, "article", "2026-01-05"), StatusPending)}, nil,
			want{0, LevelNone, LevelPartner, 200, short}},
		{"199 points", []Contribution{withOverride(approved(1, "article", "2026-01-05"), 199)}, nil,
			want{199, LevelNone, LevelPartner, 1, short}},
		{"200 points", []Contribution{approved(1, "university_event", "2026-01-05")}, nil,
			want{200, LevelPartner, LevelACE, 300, partner}},
		{"499 points", []Contribution{withOverride(approved(1, "article", "2026-01-05"), 499)}, nil,
			want{499, LevelPartner, LevelACE, 1, partner}},
		{"500 points", []Contribution{approved(1, "talk_conference", "2026-01-05"), approved(1, "talk_live", "2026-02-05"), approved(1, "talk_live", "2026-03-05")}, nil,
			want{500, LevelACE, "", 0, ace}},
		{"every kind", []Contribution{
			approved(1, "university_event", "2026-01-05"), approved(1, "talk_conference", "2026-02-05"),
			approved(1, "talk_regional", "2026-03-05"), approved(1, "talk_live", "2026-04-05"),
			beans(1, "2026-05-05", 2000), approved(1, "article", "2026-06-05")}, nil,
			want{970, LevelACE, "", 0, ace}},
		{"31 Dec of last year does not count, 1 Jan does", []Contribution{
			approved(1, "talk_conference", "2025-12-31"), approved(1, "university_event", "2026-01-01")}, nil,
			want{200, LevelPartner, LevelACE, 300, partner}},
		{"1 Jan of next year does not count", []Contribution{
			approved(1, "university_event", "2026-12-31"), approved(1, "talk_conference", "2027-01-01")}, nil,
			want{200, LevelPartner, LevelACE, 300, partner}},
		{"pending and rejected do not count", []Contribution{
			approved(1, "university_event", "2026-01-05"),
			withStatus(approved(1, "talk_conference", "2026-02-05"), StatusPending),
			withStatus(approved(1, "talk_conference", "2026-03-05"), StatusRejected),
			withStatus(withOverride(approved(1, "article", "2026-03-05"), 900), StatusRejected)}, nil,
			want{200, LevelPartner, LevelACE, 300, partner}},
		{"override raises", []Contribution{withOverride(approved(1, "article", "2026-01-05"), 500)}, nil,
			want{500, LevelACE, "", 0, ace}},
		{"override lowers", []Contribution{withOverride(approved(1, "talk_conference", "2026-01-05"), 0), approved(1, "article", "2026-02-05")}, nil,
			want{20, LevelNone, LevelPartner, 180, short}},
		{"negative override reads as 0", []Contribution{withOverride(approved(1, "talk_conference", "2026-01-05"), -300), approved(1, "university_event", "2026-02-05")}, nil,
			want{200, LevelPartner, LevelACE, 300, partner}},
		{"unknown kind earns nothing", []Contribution{approved(1, "podcast", "2026-01-05"), withOverride(approved(1, "poem", "2026-01-06"), 300), approved(1, "article", "2026-02-05")}, nil,
			want{20, LevelNone, LevelPartner, 180, short}},
		{"quantity 0 reads as 1", []Contribution{{MemberID: 1, Kind: "talk_regional", Date: day("2026-01-05"), Status: StatusApproved}}, nil,
			want{200, LevelPartner, LevelACE, 300, partner}},
		{"lead with 0 points", nil, []Role{role(1, RoleGroupLead, "杭州用户组", "2026-01-01")},
			want{0, LevelPartner, LevelPartner, 200, []string{"points/none/points_short", "lead/partner/group_lead"}}},
		{"promoted lead", nil, []Role{role(1, RoleGroupLead, "杭州用户组", "2026-01-01"), role(1, RolePromotedLead, "杭州用户组", "2026-06-01")},
			want{0, LevelACE, LevelPartner, 200, []string{"points/none/points_short", "lead/partner/group_lead", "promotion/ace/promoted_lead"}}},
		{"invitation", []Contribution{approved(1, "talk_conference", "2026-01-05")}, []Role{role(1, RoleInvitation, "", "2026-03-01")},
			want{400, LevelDirector, LevelACE, 100, []string{"points/partner/points_partner", "invitation/director/invitation"}}},
		{"special grant", nil, []Role{{MemberID: 1, Year: year, Kind: RoleSpecialGrant, Level: LevelACE, Group: "课程建设小组", Since: day("2026-05-01")}},
			want{0, LevelACE, LevelPartner, 200, []string{"points/none/points_short", "special/ace/special_grant"}}},
		{"points above the lead", []Contribution{approved(1, "talk_conference", "2026-01-05"), approved(1, "talk_regional", "2026-02-05")},
			[]Role{role(1, RoleGroupLead, "金融应用组", "2026-01-01")},
			want{600, LevelACE, "", 0, []string{"points/ace/points_ace", "lead/partner/group_lead"}}},
		{"roles of other years and unknown roles give nothing", []Contribution{approved(1, "article", "2026-01-05")},
			[]Role{{MemberID: 1, Year: 2025, Kind: RoleInvitation}, {MemberID: 1, Year: year, Kind: "mascot"},
				{MemberID: 1, Year: year, Kind: RoleSpecialGrant, Level: "gold"}},
			want{20, LevelNone, LevelPartner, 180, short}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := standingOf(t, standingsOf(tc.contribs, tc.roles), 1)
			got := want{st.Points, st.Level, st.Next, st.ToNext, trackSummary(st.Tracks)}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
			sum := 0
			for _, p := range st.PointsByKind {
				sum += p
			}
			if sum != st.Points || len(st.PointsByKind) != 6 {
				t.Errorf("PointsByKind %v does not add up to %d over the 6 kinds", st.PointsByKind, st.Points)
			}
		})
	}
}

func TestStandingsBeansAddUpOverTheYear(t *testing.T) {
	for _, tc := range []struct {
		name     string
		contribs []Contribution
		want     int
	}{
		{"1,999", []Contribution{beans(1, "2026-01-05", 1999)}, 0},
		{"2,000", []Contribution{beans(1, "2026-01-05", 2000)}, 100},
		{"3,999", []Contribution{beans(1, "2026-01-05", 3999)}, 100},
		{"4,000", []Contribution{beans(1, "2026-01-05", 4000)}, 200},
		{"1,500 + 600", []Contribution{beans(1, "2026-01-05", 1500), beans(1, "2026-06-05", 600)}, 100},
		{"1,000 × 3", []Contribution{beans(1, "2026-01-05", 1000), beans(1, "2026-02-05", 1000), beans(1, "2026-03-05", 1000)}, 100},
		{"1,999 + 2,001", []Contribution{beans(1, "2026-01-05", 1999), beans(1, "2026-02-05", 2001)}, 200},
		{"last year's beans stay there", []Contribution{beans(1, "2025-12-31", 1500), beans(1, "2026-01-01", 600)}, 0},
		{"pending beans do not complete a unit", []Contribution{beans(1, "2026-01-05", 1500), withStatus(beans(1, "2026-01-06", 600), StatusPending)}, 0},
		// The overridden 1,500 leave the sum: 3,000 beans give 100, plus 300.
		// Counting them would give 4,500 beans, 200 + 300.
		{"override leaves the bean sum", []Contribution{beans(1, "2026-01-05", 3000), withOverride(beans(1, "2026-02-05", 1500), 300)}, 400},
		{"override to 0", []Contribution{beans(1, "2026-01-05", 1500), withOverride(beans(1, "2026-02-05", 9000), 0)}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := standingOf(t, standingsOf(tc.contribs, nil), 1)
			if got := st.PointsByKind["forum_beans"]; got != tc.want || st.Points != tc.want {
				t.Errorf("forum_beans = %d, total %d; want %d", got, st.Points, tc.want)
			}
		})
	}
}

func TestStandingsQualifiedOnIsTheCrossingDay(t *testing.T) {
	partnerOnly := map[Level]Date{LevelPartner: day("2026-03-01")}
	for _, tc := range []struct {
		name     string
		contribs []Contribution
		roles    []Role
		want     map[Level]Date
		since    []Date // per track
	}{
		{"crossings, given out of order",
			[]Contribution{
				approved(1, "article", "2026-11-01"), approved(1, "talk_live", "2026-09-10"),
				approved(1, "university_event", "2026-03-01"), approved(1, "talk_live", "2026-08-01"),
				approved(1, "university_event", "2026-05-01"), approved(1, "article", "2026-07-01"),
			}, nil,
			map[Level]Date{LevelPartner: day("2026-03-01"), LevelACE: day("2026-09-10")},
			[]Date{day("2026-09-10")}},
		{"one contribution crosses both",
			[]Contribution{approved(1, "talk_live", "2026-02-01"), approved(1, "talk_live", "2026-02-02"), approved(1, "talk_live", "2026-02-03"), approved(1, "talk_conference", "2026-04-01"), approved(1, "article", "2026-04-03")},
			nil,
			map[Level]Date{LevelPartner: day("2026-04-01"), LevelACE: day("2026-04-01")},
			[]Date{day("2026-04-01")}},
		{"beans complete the unit that crosses",
			[]Contribution{approved(1, "talk_conference", "2026-01-05"), beans(1, "2026-02-01", 1500), beans(1, "2026-03-01", 600), approved(1, "article", "2026-04-01")},
			nil,
			map[Level]Date{LevelPartner: day("2026-01-05"), LevelACE: day("2026-03-01")},
			[]Date{day("2026-03-01")}},
		{"pending contributions are not crossings",
			[]Contribution{withStatus(approved(1, "university_event", "2026-02-01"), StatusPending), approved(1, "university_event", "2026-03-01")},
			nil, partnerOnly, []Date{day("2026-03-01")}},
		{"a lead earlier than the points",
			[]Contribution{approved(1, "university_event", "2026-03-01")},
			[]Role{role(1, RoleGroupLead, "南京用户组", "2026-02-01")},
			map[Level]Date{LevelPartner: day("2026-02-01")},
			[]Date{day("2026-03-01"), day("2026-02-01")}},
		{"an invitation reaches every level below",
			[]Contribution{approved(1, "university_event", "2026-03-01")},
			[]Role{role(1, RoleInvitation, "", "2026-06-01")},
			map[Level]Date{LevelPartner: day("2026-03-01"), LevelACE: day("2026-06-01"), LevelDirector: day("2026-06-01")},
			[]Date{day("2026-03-01"), day("2026-06-01")}},
		{"a lead since an earlier year holds from 1 January",
			nil,
			[]Role{role(1, RoleGroupLead, "杭州用户组", "2023-05-01"), {MemberID: 1, Year: year, Kind: RolePromotedLead}},
			map[Level]Date{LevelPartner: day("2026-01-01"), LevelACE: day("2026-01-01")},
			[]Date{{}, day("2026-01-01"), day("2026-01-01")}},
		{"a role dated after its year holds from 31 December",
			nil,
			[]Role{role(1, RoleGroupLead, "杭州用户组", "2027-02-01")},
			map[Level]Date{LevelPartner: day("2026-12-31")},
			[]Date{{}, day("2026-12-31")}},
		{"nothing reached", []Contribution{approved(1, "article", "2026-03-01")}, nil, map[Level]Date{}, []Date{{}}},
		{"a long year given newest first", articlesNewestFirst(70), nil,
			map[Level]Date{LevelPartner: day("2026-01-10"), LevelACE: day("2026-01-25")},
			[]Date{day("2026-01-25")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := standingOf(t, standingsOf(tc.contribs, tc.roles), 1)
			if !reflect.DeepEqual(st.QualifiedOn, tc.want) {
				t.Errorf("QualifiedOn = %v, want %v", st.QualifiedOn, tc.want)
			}
			since := []Date{}
			for _, tr := range st.Tracks {
				since = append(since, tr.Since)
			}
			if !reflect.DeepEqual(since, tc.since) {
				t.Errorf("track Since = %v, want %v", since, tc.since)
			}
		})
	}
}

// articlesNewestFirst is one article a day from 1 January, newest first:
// more than a short run, so the general sort orders them.
func articlesNewestFirst(n int) []Contribution {
	var out []Contribution
	for i := n - 1; i >= 0; i-- {
		c := approved(1, "article", "2026-01-01")
		c.Date = day(time.Date(year, time.January, 1+i, 0, 0, 0, 0, time.UTC).Format("2006-01-02"))
		out = append(out, c)
	}
	return out
}

func TestStandingsReasonTexts(t *testing.T) {
	for _, tc := range []struct {
		name     string
		contribs []Contribution
		roles    []Role
		want     []Reason
	}{
		{"ACE by points",
			[]Contribution{approved(1, "talk_conference", "2026-01-05"), approved(1, "talk_live", "2026-02-05"), approved(1, "talk_live", "2026-02-06"), approved(1, "article", "2026-03-05")}, nil,
			[]Reason{{"points_ace", map[string]string{"points": "520", "threshold": "500"}, "520 分 ≥ 500：PostgreSQL ACE"}}},
		{"Partner by points",
			[]Contribution{approved(1, "university_event", "2026-01-05"), approved(1, "talk_live", "2026-02-05")}, nil,
			[]Reason{{"points_partner", map[string]string{"points": "250", "threshold": "200"}, "250 分 ≥ 200：PostgreSQL ACE 伙伴"}}},
		{"short, with a lead",
			[]Contribution{approved(1, "talk_live", "2026-01-05"), approved(1, "talk_live", "2026-02-05"), approved(1, "talk_live", "2026-03-05"), approved(1, "article", "2026-04-05")},
			[]Role{role(1, RoleGroupLead, "杭州用户组", "2026-01-01")},
			[]Reason{
				{"points_short", map[string]string{"points": "170", "threshold": "200", "missing": "30"}, "170 分，还差 30 分达到 PostgreSQL ACE 伙伴"},
				{"group_lead", map[string]string{"group": "杭州用户组", "level": "partner"}, "杭州用户组组长：PostgreSQL ACE 伙伴"},
			}},
		{"promotion, invitation, special grant",
			nil,
			[]Role{
				role(1, RolePromotedLead, "金融应用组", "2026-01-01"),
				role(1, RoleInvitation, "", "2026-01-01"),
				{MemberID: 1, Year: year, Kind: RoleSpecialGrant, Level: LevelPartner, Group: "《快速掌握 PostgreSQL 版本新特性》编委会"},
				{MemberID: 1, Year: year, Kind: RoleSpecialGrant, Level: LevelACE},
			},
			[]Reason{
				{"points_short", map[string]string{"points": "0", "threshold": "200", "missing": "200"}, "0 分，还差 200 分达到 PostgreSQL ACE 伙伴"},
				{"promoted_lead", map[string]string{"group": "金融应用组", "level": "ace"}, "金融应用组优秀组长晋升：PostgreSQL ACE"},
				{"invitation", map[string]string{"group": "", "level": "director"}, "受邀：PostgreSQL ACE 总监"},
				{"special_grant", map[string]string{"group": "《快速掌握 PostgreSQL 版本新特性》编委会", "level": "partner"}, "特殊贡献（《快速掌握 PostgreSQL 版本新特性》编委会）：PostgreSQL ACE 伙伴"},
				{"special_grant", map[string]string{"group": "", "level": "ace"}, "特殊贡献：PostgreSQL ACE"},
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := standingOf(t, standingsOf(tc.contribs, tc.roles), 1)
			got := []Reason{}
			for _, tr := range st.Tracks {
				got = append(got, tr.Reason)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("reasons\n got  %+v\n want %+v", got, tc.want)
			}
		})
	}
}

func TestStandingsOnePerMemberOfTheYearSortedByID(t *testing.T) {
	contribs := []Contribution{
		approved(30, "article", "2026-01-05"),
		withStatus(approved(7, "article", "2026-01-05"), StatusRejected),
		approved(12, "podcast", "2026-01-05"),
		approved(99, "talk_conference", "2025-06-01"), // another year: not a member of 2026
		approved(30, "article", "2026-02-05"),
		approved(1, "university_event", "2026-03-05"),
	}
	roles := []Role{
		role(30, RoleInvitation, "", "2026-01-01"),
		role(20, RoleGroupLead, "杭州用户组", "2026-01-01"),
		{MemberID: 98, Year: 2025, Kind: RoleGroupLead}, // another year: not a member of 2026
		role(1, RolePromotedLead, "南京用户组", "2026-01-01"),
		role(20, RoleSpecialGrant, "", "2026-01-01"), // a special grant of no level
	}
	out := standingsOf(contribs, roles)
	var ids []uint64
	points, levelOf, tracks := map[uint64]int{}, map[uint64]Level{}, map[uint64]int{}
	for _, st := range out {
		ids = append(ids, st.MemberID)
		points[st.MemberID], levelOf[st.MemberID], tracks[st.MemberID] = st.Points, st.Level, len(st.Tracks)
		if st.Year != year {
			t.Errorf("member %d: Year = %d", st.MemberID, st.Year)
		}
	}
	if want := []uint64{1, 7, 12, 20, 30}; !reflect.DeepEqual(ids, want) {
		t.Errorf("members = %v, want %v", ids, want)
	}
	if want := map[uint64]int{1: 200, 7: 0, 12: 0, 20: 0, 30: 40}; !reflect.DeepEqual(points, want) {
		t.Errorf("points = %v, want %v", points, want)
	}
	if want := map[uint64]Level{1: LevelACE, 7: LevelNone, 12: LevelNone, 20: LevelPartner, 30: LevelDirector}; !reflect.DeepEqual(levelOf, want) {
		t.Errorf("levels = %v, want %v", levelOf, want)
	}
	if want := map[uint64]int{1: 2, 7: 1, 12: 1, 20: 2, 30: 2}; !reflect.DeepEqual(tracks, want) {
		t.Errorf("track counts = %v, want %v", tracks, want)
	}
}

func TestStandingsFollowTheYearsRules(t *testing.T) {
	r := DefaultRules(2027)
	r.PartnerThreshold, r.ACEThreshold = 100, 300
	r.Kinds = append(r.Kinds, KindRule{Key: "podcast", LabelZH: "播客", Points: 30, Unit: 1})
	contribs := []Contribution{approved(1, "podcast", "2027-01-05"), approved(1, "talk_live", "2027-02-05"), approved(1, "article", "2027-03-05")}
	st := Standings(r, contribs, nil)[0]
	if st.Points != 100 || st.Level != LevelPartner || st.PointsByKind["podcast"] != 30 || st.ToNext != 200 {
		t.Errorf("got %d points, %s, podcast %d, %d to next; want 100, partner, 30, 200", st.Points, st.Level, st.PointsByKind["podcast"], st.ToNext)
	}
	if got := st.Tracks[0].Reason.Text; got != "100 分 ≥ 100：PostgreSQL ACE 伙伴" {
		t.Errorf("reason = %q", got)
	}
}

func TestStandingsDoNotShareTracks(t *testing.T) {
	out := standingsOf([]Contribution{approved(1, "article", "2026-01-05"), approved(2, "article", "2026-01-05")}, nil)
	out[0].Tracks = append(out[0].Tracks, Track{Track: "extra"})
	if got := out[1].Tracks[0].Track; got != "points" {
		t.Errorf("appending to one member's tracks changed the next member's: %q", got)
	}
}

func TestPointsByMonth(t *testing.T) {
	month := func(pairs ...int) [12]int {
		var m [12]int
		for i := 0; i+1 < len(pairs); i += 2 {
			m[pairs[i]-1] = pairs[i+1]
		}
		return m
	}
	for _, tc := range []struct {
		name     string
		contribs []Contribution
		want     [12]int
	}{
		{"each in its month", []Contribution{approved(1, "article", "2026-01-05"), approved(1, "talk_live", "2026-12-31")},
			month(1, 20, 12, 50)},
		{"beans earn in the month the running sum reaches 2,000", []Contribution{beans(1, "2026-03-10", 1500), beans(1, "2026-05-02", 600)},
			month(5, 100)},
		{"beans over two units in one go", []Contribution{beans(1, "2026-02-01", 4100), beans(1, "2026-07-01", 1900)},
			month(2, 200, 7, 100)},
		{"an override counts on its date", []Contribution{withOverride(approved(1, "talk_conference", "2026-04-01"), 150), approved(1, "article", "2026-06-01")},
			month(4, 150, 6, 20)},
		{"pending and rejected earn in no month", []Contribution{approved(1, "article", "2026-01-05"),
			withStatus(approved(1, "talk_conference", "2026-02-05"), StatusPending),
			withStatus(beans(1, "2026-03-05", 4000), StatusRejected)},
			month(1, 20)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := standingOf(t, standingsOf(tc.contribs, nil), 1)
			if st.PointsByMonth != tc.want {
				t.Errorf("PointsByMonth = %v, want %v", st.PointsByMonth, tc.want)
			}
			sum := 0
			for _, p := range st.PointsByMonth {
				sum += p
			}
			if sum != st.Points {
				t.Errorf("months add up to %d, Points = %d", sum, st.Points)
			}
		})
	}
}
