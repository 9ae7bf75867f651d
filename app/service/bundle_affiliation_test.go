package service_test

import (
	"testing"

	"acedesk/app"
)

// TestAMemberOfTwoChaptersTakesEachChaptersChanges follows one person whom
// HZ and SH both have through a series of changes bundles: after each,
// headquarters' one record is the want.
func TestAMemberOfTwoChaptersTakesEachChaptersChanges(t *testing.T) {
	hz, sh := chapter(t, "HZ"), chapter(t, "SH")
	hz.on("2026-03-01")
	sh.on("2026-03-01")
	person := app.Member{Name: "王伟", Phone: "13800000009", City: "杭州", Title: "DBA", Organization: "甲公司"}
	atHZ, _ := hz.svc.Members.Create(person)
	person.City, person.Title = "上海", "架构师"
	atSH, _ := sh.svc.Members.Create(person)
	other, _ := hz.svc.Members.Create(app.Member{Name: "林雪", Phone: "13800000002"})
	hq := chapter(t, "HQ")
	for _, p := range []*program{hz, sh} {
		path, _ := p.export(false)
		if r := hq.mustMerge(path); len(r.Conflicts) != 0 {
			t.Fatalf("first merges: %+v", r.Conflicts)
		}
	}
	local, err := hq.svc.Members.ByPhone(person.Phone)
	if err != nil {
		t.Fatal(err)
	}
	// edit changes the person in one chapter and merges its changes.
	edit := func(p *program, m *app.Member, change func(*app.Member)) app.MergeResult {
		t.Helper()
		fresh, err := p.svc.Members.Get(m.ID)
		if err != nil {
			t.Fatal(err)
		}
		change(&fresh)
		if *m, err = p.svc.Members.Update(fresh); err != nil {
			t.Fatal(err)
		}
		path, _ := p.export(true)
		return hq.mustMerge(path)
	}
	archive := func(p *program, m *app.Member) app.MergeResult {
		t.Helper()
		var err error
		if *m, err = p.svc.Members.Archive(m.ID, m.Version); err != nil {
			t.Fatal(err)
		}
		path, _ := p.export(true)
		return hq.mustMerge(path)
	}
	type want struct {
		title, org, email, city string
		archived                bool
		conflicts               int
	}
	for _, step := range []struct {
		name   string
		merge  func() app.MergeResult
		want   want
		update int
	}{
		{"HZ changes the title", func() app.MergeResult {
			return edit(hz, &atHZ, func(m *app.Member) { m.Title = "首席 DBA" })
		}, want{title: "首席 DBA", org: "甲公司", city: "杭州"}, 1},
		{"SH changes the organisation and adds an email; SH's old title stays out", func() app.MergeResult {
			return edit(sh, &atSH, func(m *app.Member) { m.Organization, m.Email = "乙公司", "wang@example.com" })
		}, want{title: "首席 DBA", org: "乙公司", email: "wang@example.com", city: "杭州"}, 1},
		{"the same SH bundle again", func() app.MergeResult {
			path, _ := sh.export(false)
			return hq.mustMerge(path)
		}, want{title: "首席 DBA", org: "乙公司", email: "wang@example.com", city: "杭州"}, 0},
		{"SH archives: HZ still has them active", func() app.MergeResult { return archive(sh, &atSH) }, want{title: "首席 DBA", org: "乙公司", email: "wang@example.com", city: "杭州"}, 0},
		{"HZ archives too", func() app.MergeResult { return archive(hz, &atHZ) }, want{title: "首席 DBA", org: "乙公司", email: "wang@example.com", city: "杭州", archived: true}, 1},
		{"SH moves the person to HZ's other member's phone: a conflict", func() app.MergeResult {
			return edit(sh, &atSH, func(m *app.Member) { m.Phone, m.City = other.Phone, "苏州" })
		}, want{title: "首席 DBA", org: "乙公司", email: "wang@example.com", city: "杭州", archived: true, conflicts: 1}, 0},
	} {
		r := step.merge()
		got, err := hq.svc.Members.Get(local.ID)
		if err != nil {
			t.Fatal(err)
		}
		if g := (want{got.Title, got.Organization, got.Email, got.City, got.Archived, len(r.Conflicts)}); g != step.want {
			t.Errorf("%s: headquarters has %+v, want %+v", step.name, g, step.want)
		}
		if u := counts(r)["member"].Updated; u != step.update {
			t.Errorf("%s: %d member(s) updated, want %d", step.name, u, step.update)
		}
	}
	if n, err := hq.st.CountMembers(); err != nil || n != 2 {
		t.Errorf("members at headquarters = %d, %v; want the one person and 林雪", n, err)
	}
}

// TestANewChapterOnlyJoinsAMemberHeadquartersAlreadyHas: a chapter whose
// member matches one headquarters has of its own adds its affiliation and
// nothing else; its later changes apply field by field, never as a whole
// record, although it is then the member's only chapter.
func TestANewChapterOnlyJoinsAMemberHeadquartersAlreadyHas(t *testing.T) {
	hq := chapter(t, "HQ")
	hq.on("2026-02-01")
	own, err := hq.svc.Members.Create(app.Member{Name: "王伟", Phone: "13800000009", City: "北京", Bio: "总会记录的简介", Organization: "甲公司"})
	if err != nil {
		t.Fatal(err)
	}
	sz := chapter(t, "SZ")
	sz.on("2026-03-01")
	theirs, err := sz.svc.Members.Create(app.Member{Name: "王伟", Phone: "13800000009", City: "深圳", Bio: "分会写的简介", Organization: "乙公司"})
	if err != nil {
		t.Fatal(err)
	}
	first, _ := sz.export(false)
	if r := hq.mustMerge(first); r.Linked != 1 || counts(r)["member"].Added != 0 {
		t.Fatalf("first merge = %+v, linked %d; want the member joined", r.Counts, r.Linked)
	}
	if got, _ := hq.svc.Members.Get(own.ID); got.City != "北京" || got.Bio != "总会记录的简介" || got.Organization != "甲公司" {
		t.Fatalf("after the first merge the member is %+v; want headquarters' record", got)
	}
	theirs.Title = "架构师"
	if _, err := sz.svc.Members.Update(theirs); err != nil {
		t.Fatal(err)
	}
	changes, _ := sz.export(true)
	hq.mustMerge(changes)
	got, _ := hq.svc.Members.Get(own.ID)
	if got.Title != "架构师" || got.City != "北京" || got.Bio != "总会记录的简介" || got.Organization != "甲公司" {
		t.Errorf("after the chapter's change the member is %+v; want only the title changed", got)
	}
}
