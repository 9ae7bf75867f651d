package service_test

import (
	"testing"
)

func TestDemoHasAYearOfProgramLife(t *testing.T) {
	p := newProgram(t)
	p.on("2026-11-23")
	if _, err := p.svc.System.LoadDemo(300); err != nil {
		t.Fatal(err)
	}
	groups, _ := p.svc.Groups.List()
	events, _ := p.svc.Events.List(2026)
	decisions, _ := p.svc.Decisions.List(2026)
	lastYear, _ := p.svc.Levels.Batches(2025)
	q1, _ := p.svc.Levels.Batch("2026-Q1")
	rows, _ := p.svc.Standings.ForYear(2026)
	levels, near := map[string]int{}, 0
	for _, r := range rows {
		levels[r.Level]++
		if r.ToNext > 0 && r.ToNext <= 40 {
			near++
		}
	}
	published := 0
	for _, b := range lastYear {
		if b.Published {
			published++
		}
	}
	for _, tc := range []struct {
		what      string
		got, want int
	}{
		{"groups", len(groups), 16},
		{"events up to 23 November", len(events), 19},
		{"decisions", len(decisions), 3},
		{"published batches of 2025", published, 4},
		{"directors", levels["director"], 1},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %d, want %d", tc.what, tc.got, tc.want)
		}
	}
	if q1.Published || q1.Blocked.Code != "" || len(q1.Entries) == 0 {
		t.Errorf("2026-Q1 = blocked %q with %d entries, want a batch ready to publish", q1.Blocked.Code, len(q1.Entries))
	}
	if levels["ace"] == 0 || levels["partner"] == 0 || near == 0 {
		t.Errorf("levels %v, %d near a threshold; want some of each", levels, near)
	}
	r, _ := p.svc.Levels.Renewal(2026)
	if len(r.Entries) == 0 {
		t.Error("no holders to renew at the end of the demo year")
	}

	duties := map[string]string{}
	d, err := p.svc.Dashboard.ForYear(2026)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range d.Duties {
		duties[x.Group] = x.Duty
		if x.Lead == "" {
			t.Errorf("duty of %s names no lead", x.Group)
		}
	}
	want := map[string]string{"广州用户组": "event", "成都用户组": "event", "武汉用户组": "event",
		"金融行业组": "report", "电力行业组": "report", "电信行业组": "report", "政务行业组": "report"}
	if len(duties) != len(want) {
		t.Errorf("duties = %v, want %v", duties, want)
	}
	for g, w := range want {
		if duties[g] != w {
			t.Errorf("duty of %s = %q, want %q", g, duties[g], w)
		}
	}
	p.on("2026-09-30")
	if d, _ := p.svc.Dashboard.ForYear(2026); len(d.Duties) != 0 {
		t.Errorf("duties before October: %+v", d.Duties)
	}
	if d, _ := p.svc.Dashboard.ForYear(2025); len(d.Duties) != 0 {
		t.Errorf("2025 had no groups, yet duties: %+v", d.Duties)
	}
}
