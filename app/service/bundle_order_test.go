package service_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"acedesk/app"
)

// threeChapters are HZ, NJ and SH through 2026: people only one of them
// has, and two people several of them have, each chapter changing
// different fields of them on different days; points, a lead and a
// published batch in each. It returns the chapters' full bundles, then
// HZ's changes bundle of what it did after its full one, and HZ's full
// bundle after those changes.
func threeChapters(t *testing.T) (full map[string]string, hzChanges, hzLater string) {
	hz, nj, sh := chapter(t, "HZ"), chapter(t, "NJ"), chapter(t, "SH")
	create := func(p *program, m app.Member) app.Member {
		t.Helper()
		out, err := p.svc.Members.Create(m)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	update := func(p *program, m *app.Member, change func(*app.Member)) {
		t.Helper()
		change(m)
		var err error
		if *m, err = p.svc.Members.Update(*m); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []*program{hz, nj, sh} {
		p.on("2026-01-10")
	}
	wang := app.Member{Name: "王伟", NameLatin: "Wang Wei", Phone: "13800000009", City: "杭州", Title: "DBA", Organization: "甲公司"}
	wangHZ := create(hz, wang)
	lin := app.Member{Name: "林雪", Phone: "13800000008", City: "杭州"}
	linHZ := create(hz, lin)
	own := map[*program]app.Member{
		hz: create(hz, app.Member{Name: "赵敏", Phone: "13800000101", City: "杭州"}),
		nj: create(nj, app.Member{Name: "钱进", Phone: "13800000102", City: "南京"}),
		sh: create(sh, app.Member{Name: "孙丽", Phone: "13800000103", City: "上海"}),
	}
	nj.on("2026-02-01")
	wang.City, wang.Title = "南京", "架构师"
	wangNJ := create(nj, wang)
	linNJ := create(nj, lin)
	sh.on("2026-02-15")
	wang.City, wang.Title, wang.Email = "上海", "首席架构师", "wang@sh.example.com"
	wangSH := create(sh, wang)

	// Later changes, each chapter to different fields.
	hz.on("2026-03-01")
	update(hz, &wangHZ, func(m *app.Member) { m.Organization = "乙公司" })
	nj.on("2026-03-05")
	update(nj, &linNJ, func(m *app.Member) { m.Email, m.City = "lin@nj.example.com", "南京" })
	sh.on("2026-03-10")
	update(sh, &wangSH, func(m *app.Member) { m.Title = "CTO" })

	// Points: 王伟 reaches Partner in HZ and ACE in NJ; each chapter's own
	// member reaches Partner; 林雪 leads a city group in NJ.
	for _, p := range []*program{hz, nj, sh} {
		p.on("2026-03-20")
		p.approved(own[p].ID, "talk_regional", "2026-03-18")
	}
	hz.approved(wangHZ.ID, "talk_regional", "2026-02-20")
	nj.approved(wangNJ.ID, "talk_conference", "2026-03-02")
	nj.approved(wangNJ.ID, "talk_regional", "2026-03-12")
	nj.group(app.CommitteeRegional, "南京用户组", app.GroupTerm{Year: 2026, LeadID: linNJ.ID})
	for _, p := range []*program{hz, nj, sh} {
		p.on("2026-03-31")
		if _, err := p.svc.Levels.PublishBatch("2026-Q1"); err != nil {
			t.Fatal(err)
		}
	}
	full = map[string]string{}
	for code, p := range map[string]*program{"HZ": hz, "NJ": nj, "SH": sh} {
		full[code], _ = p.export(false)
	}

	// After its full bundle, HZ changes 王伟's city and 林雪's title, and
	// records another talk: a changes bundle, and a later full one.
	hz.on("2026-04-20")
	update(hz, &wangHZ, func(m *app.Member) { m.City = "苏州" })
	update(hz, &linHZ, func(m *app.Member) { m.Title = "运维经理" })
	hz.approved(linHZ.ID, "talk_conference", "2026-04-18")
	hzChanges, _ = hz.export(true)
	hzLater, _ = hz.export(false)
	return full, hzChanges, hzLater
}

// outcome is what headquarters holds, independent of its own IDs: each
// member's fields by phone, who holds what each year, and the standings.
func outcome(t *testing.T, hq *program) string {
	t.Helper()
	var members []app.Member
	for _, archived := range []bool{false, true} {
		page, err := hq.svc.Members.Search(app.MemberQuery{Limit: app.MaxPageSize, Archived: archived})
		if err != nil {
			t.Fatal(err)
		}
		members = append(members, page.Items...)
	}
	phones := map[uint64]string{}
	var lines []string
	for _, m := range members {
		phones[m.ID] = m.Phone
		m.ID, m.Version, m.CreatedAt, m.UpdatedAt = 0, 0, m.CreatedAt.UTC(), m.UpdatedAt.UTC()
		lines = append(lines, fmt.Sprintf("member %s %+v", m.Phone, m))
	}
	holders, err := hq.svc.Levels.Holders(2026)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range holders {
		lines = append(lines, fmt.Sprintf("holds %s %d %s %s", h.Phone, h.Year, h.Level, h.Source))
	}
	standings, err := hq.svc.Standings.ForYear(2026)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range standings {
		lines = append(lines, fmt.Sprintf("standing %s %d %s %v", phones[s.MemberID], s.Points, s.Level, s.PointsByKind))
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// permutations lists every order of codes.
func permutations(codes []string) [][]string {
	if len(codes) <= 1 {
		return [][]string{slices.Clone(codes)}
	}
	var out [][]string
	for i, c := range codes {
		rest := append(slices.Clone(codes[:i]), codes[i+1:]...)
		for _, p := range permutations(rest) {
			out = append(out, append([]string{c}, p...))
		}
	}
	return out
}

// TestHeadquartersGetsOneAnswerInAnyOrder merges three chapters' bundles
// in all six orders, and HZ's changes bundle after its full one: the
// members, holdings and standings are the same every time.
func TestHeadquartersGetsOneAnswerInAnyOrder(t *testing.T) {
	full, hzChanges, hzLater := threeChapters(t)
	merge := func(paths ...string) *program {
		hq := chapter(t, "HQ")
		for _, path := range paths {
			r, err := hq.merge(path, true)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Conflicts) != 0 {
				t.Fatalf("conflicts: %+v", r.Conflicts)
			}
		}
		return hq
	}
	var first string
	for _, order := range permutations([]string{"HZ", "NJ", "SH"}) {
		paths := make([]string, len(order))
		for i, code := range order {
			paths[i] = full[code]
		}
		got := outcome(t, merge(paths...))
		if first == "" {
			first = got
			continue
		}
		if got != first {
			t.Errorf("merging %v gives another headquarters than HZ, NJ, SH:\n%s", order, diffLines(got, first))
		}
	}
	for _, want := range []string{
		// 王伟: SH's title of 10 March, HZ's organisation of 1 March, SH's
		// city and email of 15 February (the latest of the three cities).
		`member 13800000009 {ID:0 Name:王伟 NameLatin:Wang Wei Organization:乙公司 OrgCategory: Title:CTO City:上海 Phone:13800000009 Email:wang@sh.example.com`,
		// 林雪: NJ's email and city of 5 March.
		`member 13800000008 {ID:0 Name:林雪 NameLatin:Lin Xue Organization: OrgCategory: Title: City:南京 Phone:13800000008 Email:lin@nj.example.com`,
		// the highest level any chapter gave
		"holds 13800000009 2026 ace batch:2026-Q1",
		"holds 13800000008 2026 partner batch:2026-Q1",
		"standing 13800000009 800 ace",
	} {
		if !strings.Contains(first, want) {
			t.Errorf("headquarters lacks %q:\n%s", want, first)
		}
	}

	// HZ's changes bundle after its full one is HZ's later full bundle.
	viaChanges := outcome(t, merge(full["HZ"], full["NJ"], full["SH"], hzChanges))
	if viaChanges == first {
		t.Fatal("HZ's changes bundle changed nothing at headquarters")
	}
	for _, paths := range [][]string{
		{full["NJ"], full["SH"], hzLater},
		{full["HZ"], full["NJ"], full["SH"], hzLater},
	} {
		if got := outcome(t, merge(paths...)); got != viaChanges {
			t.Errorf("HZ's later full bundle gives another headquarters than its changes bundle:\n%s", diffLines(got, viaChanges))
		}
	}
	for _, want := range []string{
		// HZ's city of 20 April is now the latest change.
		`City:苏州 Phone:13800000009`,
		`Title:运维经理 City:南京 Phone:13800000008`,
	} {
		if !strings.Contains(viaChanges, want) {
			t.Errorf("after HZ's changes, headquarters lacks %q:\n%s", want, viaChanges)
		}
	}
}

// diffLines shows the lines of got that want lacks and the other way.
func diffLines(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var out []string
	for _, l := range g {
		if !slices.Contains(w, l) {
			out = append(out, "+ "+l)
		}
	}
	for _, l := range w {
		if !slices.Contains(g, l) {
			out = append(out, "- "+l)
		}
	}
	return strings.Join(out, "\n")
}
