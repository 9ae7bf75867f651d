package service_test

import (
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"acedesk/app"
	"acedesk/app/apptest"
	"acedesk/app/apptest/wired"
	"acedesk/app/demo"
	"acedesk/app/service"
	"acedesk/store"
)

// addContributions records contributions for member id, failing the test on
// any refusal.
func addContributions(t *testing.T, svc *service.Services, id uint64, contribs ...app.Contribution) {
	t.Helper()
	for _, c := range contribs {
		c.MemberID = id
		if _, err := svc.Contributions.Create(c); err != nil {
			t.Fatalf("contribution %+v: %v", c, err)
		}
	}
}

func approvedOn(kind, date string, quantity int) app.Contribution {
	return app.Contribution{Kind: kind, Date: date, Quantity: quantity, Status: app.StatusApproved}
}

func TestDashboardPointsByMonth(t *testing.T) {
	eighty := 80
	for _, tc := range []struct {
		name     string
		contribs []app.Contribution
		want     [12]int
		pending  int
	}{
		{"1,500 beans in March and 600 in May earn 100 in May",
			[]app.Contribution{approvedOn("forum_beans", "2026-03-10", 1500), approvedOn("forum_beans", "2026-05-20", 600)},
			[12]int{4: 100}, 0},
		{"each talk in its month",
			[]app.Contribution{approvedOn("talk_live", "2026-01-31", 1), approvedOn("talk_regional", "2026-12-01", 1)},
			[12]int{0: 50, 11: 200}, 0},
		{"an override counts on its date",
			[]app.Contribution{{Kind: "talk_conference", Date: "2026-08-08", Status: app.StatusApproved, Override: &eighty, OverrideReason: "合讲"}},
			[12]int{7: 80}, 0},
		{"pending and rejected do not count, pending are counted",
			[]app.Contribution{approvedOn("article", "2026-02-01", 1),
				{Kind: "talk_conference", Date: "2026-02-02", Status: app.StatusPending},
				{Kind: "talk_conference", Date: "2026-02-03", Status: app.StatusRejected},
				{Kind: "university_event", Date: "2025-12-31", Status: app.StatusPending}},
			[12]int{1: 20}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc, _ := newServices(t)
			m, _ := svc.Members.Create(app.Member{Name: "王喆"})
			addContributions(t, svc, m.ID, tc.contribs...)
			d, err := svc.Dashboard.ForYear(2026)
			if err != nil {
				t.Fatal(err)
			}
			if d.PointsByMonth != tc.want || d.Pending != tc.pending {
				t.Errorf("points by month %v, pending %d; want %v, %d", d.PointsByMonth, d.Pending, tc.want, tc.pending)
			}
		})
	}
}

func TestDashboardLevelsAndNearThreshold(t *testing.T) {
	prog := newProgram(t)
	svc := prog.svc
	type person struct {
		member   app.Member
		contribs []app.Contribution
	}
	n := func(kind string, count int) []app.Contribution {
		out := make([]app.Contribution, count)
		for i := range out {
			out[i] = approvedOn(kind, fmt.Sprintf("2026-04-%02d", i+1), 1)
		}
		return out
	}
	people := []person{
		{app.Member{Name: "赵 ACE", City: "杭州", OrgCategory: "vendor"}, n("talk_conference", 2)},                               // 800: ACE
		{app.Member{Name: "钱 伙伴 460", City: "杭州", OrgCategory: "user"}, append(n("university_event", 2), n("article", 3)...)}, // 460: 40 short of ACE
		{app.Member{Name: "孙 伙伴 400", City: "南京", OrgCategory: "user"}, n("university_event", 2)},                             // 400: 100 short of ACE, 20% exactly
		{app.Member{Name: "李 伙伴 380", City: "南京"}, append(n("university_event", 1), n("article", 9)...)},                      // 380: 120 short, not near
		{app.Member{Name: "周 160", City: "北京", OrgCategory: "media"}, n("article", 8)},                                        // 160: 40 short of Partner
		{app.Member{Name: "吴 150", City: "北京", OrgCategory: "media"}, n("talk_live", 3)},                                      // 150: 50 short, not near
		{app.Member{Name: "郑 0", City: "北京"}, []app.Contribution{{Kind: "talk_conference", Date: "2026-05-01", Status: app.StatusPending}}},
	}
	for _, p := range people {
		m, err := svc.Members.Create(p.member)
		if err != nil {
			t.Fatal(err)
		}
		addContributions(t, svc, m.ID, p.contribs...)
	}
	// The levels are the year's holders: those the Q2 batch put online.
	prog.on("2026-06-30")
	if _, err := svc.Levels.PublishBatch("2026-Q2"); err != nil {
		t.Fatal(err)
	}
	d, err := svc.Dashboard.ForYear(2026)
	if err != nil {
		t.Fatal(err)
	}
	var near []string
	for _, x := range d.NearThreshold {
		near = append(near, fmt.Sprintf("%s %d→%s %d", x.Name, x.Points, x.Next, x.ToNext))
	}
	for _, tc := range []struct {
		name      string
		got, want any
	}{
		{"members", d.Members, len(people)},
		{"levels", d.Levels, service.LevelCount{Key: "all", Partner: 3, ACE: 1}},
		{"pending", d.Pending, 1},
		{"by city, most first", d.LevelsByCity, []service.LevelCount{{Key: "南京", Partner: 2}, {Key: "杭州", Partner: 1, ACE: 1}}},
		{"by category, in category order, unknown last", d.LevelsByCategory,
			[]service.LevelCount{{Key: "user", Partner: 2}, {Key: "vendor", ACE: 1}, {Key: "", Partner: 1}}},
		{"near, closest first", near, []string{"钱 伙伴 460 460→ace 40", "周 160 160→partner 40", "孙 伙伴 400 400→ace 100"}},
		{"near count", d.NearCount, 3},
		{"duties", d.Duties, []service.GroupDuty{}},
	} {
		if !reflect.DeepEqual(tc.got, tc.want) {
			t.Errorf("%s = %+v, want %+v", tc.name, tc.got, tc.want)
		}
	}
}

// The dashboard lists the closest of the members near a threshold and counts
// them all; the standings mark the same members near: one definition, one
// number.
func TestDashboardCountsEveryoneTheStandingsMarkNear(t *testing.T) {
	svc, _ := newServices(t)
	if _, err := svc.System.LoadDemo(0); err != nil {
		t.Fatal(err)
	}
	year := apptest.Start.Year()
	d, err := svc.Dashboard.ForYear(year)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := svc.Standings.ForYear(year)
	if err != nil {
		t.Fatal(err)
	}
	near := map[uint64]bool{}
	for _, r := range rows {
		if r.Near {
			near[r.MemberID] = true
		}
	}
	if d.NearCount != len(near) || len(near) <= len(d.NearThreshold) {
		t.Fatalf("near count %d, standings mark %d near, dashboard lists %d; want the count the standings mark, more than listed",
			d.NearCount, len(near), len(d.NearThreshold))
	}
	if len(d.NearThreshold) != 20 {
		t.Errorf("the dashboard lists %d near, want the closest 20", len(d.NearThreshold))
	}
	for _, n := range d.NearThreshold {
		if !near[n.MemberID] {
			t.Errorf("the dashboard lists %s (%d) near; the standings do not mark them", n.Name, n.MemberID)
		}
	}
}

func TestDashboardOfAnEmptyDatabase(t *testing.T) {
	svc, _ := newServices(t)
	d, err := svc.Dashboard.ForYear(2026)
	if err != nil {
		t.Fatal(err)
	}
	want := service.Dashboard{Year: 2026, Levels: service.LevelCount{Key: "all"}, LevelsByCity: []service.LevelCount{},
		LevelsByCategory: []service.LevelCount{}, NearThreshold: []service.NearMember{}, Duties: []service.GroupDuty{}}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("ForYear on an empty database = %+v, want %+v", d, want)
	}
}

// BenchmarkDashboard measures what the dashboard waits for at the issue's
// scale: 10,000 members and 200,000 contributions.
func BenchmarkDashboard(b *testing.B) {
	st, err := store.Open(filepath.Join(b.TempDir(), "bench.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if err := st.CreateMembersAndContributions(demo.Members(10000, 9), benchContributions, app.Change{Actor: "bench", At: apptest.Start}); err != nil {
		b.Fatal(err)
	}
	svc := service.New(st, apptest.NewClock(apptest.Start), "bench", wired.Ports())
	b.ResetTimer()
	for b.Loop() {
		d, err := svc.Dashboard.ForYear(2026)
		if err != nil || d.Members != 10000 {
			b.Fatalf("%d members, %v", d.Members, err)
		}
	}
}
