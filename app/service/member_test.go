package service_test

import (
	"encoding/json"
	"path/filepath"
	"sync"
	"testing"

	"acedesk/app"
	"acedesk/app/apptest"
	"acedesk/app/apptest/wired"
	"acedesk/app/demo"
	"acedesk/app/service"
	"acedesk/store"
)

func newServices(t *testing.T) (*service.Services, *store.Store) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "acedesk.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return service.New(st, apptest.NewClock(apptest.Start), "lead", wired.Ports()), st
}

func TestCreateValidatesEveryField(t *testing.T) {
	svc, _ := newServices(t)
	for _, tc := range []struct {
		name string
		in   app.Member
		want map[string]string
	}{
		{"missing name", app.Member{Phone: "13800000001"}, map[string]string{"name": "required"}},
		{"blank name", app.Member{Name: "   "}, map[string]string{"name": "required"}},
		{"short phone", app.Member{Name: "甲", Phone: "1380000"}, map[string]string{"phone": "invalid_phone"}},
		{"landline-ish phone", app.Member{Name: "甲", Phone: "02112345678"}, map[string]string{"phone": "invalid_phone"}},
		{"bad email", app.Member{Name: "甲", Email: "a@b"}, map[string]string{"email": "invalid_email"}},
		{"unknown category", app.Member{Name: "甲", OrgCategory: "aliens"}, map[string]string{"org_category": "invalid_choice"}},
		{"Chinese in Latin name", app.Member{Name: "甲", NameLatin: "张 San"}, map[string]string{"name_latin": "not_latin"}},
		{"everything at once", app.Member{Phone: "x", Email: "y"}, map[string]string{"name": "required", "phone": "invalid_phone", "email": "invalid_email"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := svc.Members.Create(tc.in)
			e := app.AsError(err)
			if e == nil || e.Code != app.CodeInvalid {
				t.Fatalf("err = %v, want invalid", err)
			}
			got, _ := json.Marshal(e.Fields)
			want, _ := json.Marshal(tc.want)
			if string(got) != string(want) {
				t.Errorf("fields = %s, want %s", got, want)
			}
		})
	}
	if page, _ := svc.Members.Search(app.MemberQuery{}); page.Total != 0 {
		t.Errorf("invalid input was stored: %d members", page.Total)
	}
}

func TestCreateNormalizesContacts(t *testing.T) {
	svc, _ := newServices(t)
	got, err := svc.Members.Create(app.Member{Name: " 王  喆 ", NameLatin: "Wáng Zhé", Phone: "+86 138-0000-0001", Email: " Zhe@Example.COM "})
	if err != nil {
		t.Fatal(err)
	}
	want := app.Member{Name: "王 喆", NameLatin: "Wáng Zhé", Phone: "13800000001", Email: "zhe@example.com"}
	if got.Name != want.Name || got.Phone != want.Phone || got.Email != want.Email || got.NameLatin != want.NameLatin {
		t.Errorf("got %q %q %q %q, want %q %q %q %q", got.Name, got.NameLatin, got.Phone, got.Email, want.Name, want.NameLatin, want.Phone, want.Email)
	}
	if got.ID == 0 || got.Version != 1 || got.CreatedAt.IsZero() || !got.CreatedAt.Equal(got.UpdatedAt) {
		t.Errorf("id/version/times not set: %+v", got)
	}
}

func TestDuplicateContactsNameTheHolder(t *testing.T) {
	svc, _ := newServices(t)
	holder, _ := svc.Members.Create(app.Member{Name: "张三", Phone: "13800000001", Email: "zs@example.com"})
	other, _ := svc.Members.Create(app.Member{Name: "李四", Phone: "13800000002"})
	for _, tc := range []struct {
		name   string
		op     func() error
		reason string
	}{
		{"same phone on create", func() error {
			_, err := svc.Members.Create(app.Member{Name: "王五", Phone: "+86 13800000001"})
			return err
		}, "phone_taken"},
		{"same email on create, other case", func() error {
			_, err := svc.Members.Create(app.Member{Name: "王五", Email: "ZS@example.com"})
			return err
		}, "email_taken"},
		{"taking a phone on update", func() error {
			other.Phone = "13800000001"
			_, err := svc.Members.Update(other)
			return err
		}, "phone_taken"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := app.AsError(tc.op())
			if e == nil || e.Code != app.CodeConflict || e.Reason != tc.reason {
				t.Fatalf("err = %+v, want conflict %s", e, tc.reason)
			}
			if e.Params["member"] != holder.Name {
				t.Errorf("params = %v, want member %s", e.Params, holder.Name)
			}
		})
	}
	if got, _ := svc.Members.Get(other.ID); got.Phone != "13800000002" || got.Version != 1 {
		t.Errorf("refused update changed the member: %+v", got)
	}
}

func TestUpdateThatLostARaceIsRefused(t *testing.T) {
	svc, _ := newServices(t)
	m, _ := svc.Members.Create(app.Member{Name: "赵玥", City: "杭州"})
	first, second := m, m
	first.City = "南京"
	second.City = "上海"
	if _, err := svc.Members.Update(first); err != nil {
		t.Fatal(err)
	}
	_, err := svc.Members.Update(second)
	if e := app.AsError(err); e == nil || e.Reason != "stale" {
		t.Fatalf("second edit: err = %v, want stale conflict", err)
	}
	if got, _ := svc.Members.Get(m.ID); got.City != "南京" || got.Version != 2 {
		t.Errorf("stored = %s v%d, want 南京 v2", got.City, got.Version)
	}
}

func TestConcurrentEditsKeepExactlyOne(t *testing.T) {
	svc, _ := newServices(t)
	m, _ := svc.Members.Create(app.Member{Name: "并发"})
	var wg sync.WaitGroup
	results := make(chan error, 8)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			edit := m
			edit.Title = string(rune('A' + i))
			_, err := svc.Members.Update(edit)
			results <- err
		}()
	}
	wg.Wait()
	close(results)
	ok := 0
	for err := range results {
		if err == nil {
			ok++
		} else if app.AsError(err).Reason != "stale" {
			t.Errorf("unexpected error %v", err)
		}
	}
	if ok != 1 {
		t.Errorf("%d edits from version 1 succeeded, want exactly 1", ok)
	}
}

func TestArchiveRestoreAndDelete(t *testing.T) {
	svc, _ := newServices(t)
	m, _ := svc.Members.Create(app.Member{Name: "归档", Phone: "13800000005"})
	a, err := svc.Members.Archive(m.ID, m.Version)
	if err != nil || !a.Archived {
		t.Fatalf("archive: %+v %v", a, err)
	}
	if _, err := svc.Members.Archive(m.ID, m.Version); app.AsError(err).Reason != "stale" {
		t.Errorf("archive with an old version: err = %v, want stale", err)
	}
	// Editing an archived member keeps them archived.
	a.Title = "DBA"
	if a, err = svc.Members.Update(a); err != nil || !a.Archived {
		t.Fatalf("edit archived: %+v %v", a, err)
	}
	r, err := svc.Members.Restore(a.ID, a.Version)
	if err != nil || r.Archived {
		t.Fatalf("restore: %+v %v", r, err)
	}
	if err := svc.Members.Delete(r.ID, r.Version); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Members.Get(r.ID); app.ErrorCode(err) != app.CodeNotFound {
		t.Errorf("get deleted: %v, want not_found", err)
	}
	// The phone is free again.
	if _, err := svc.Members.Create(app.Member{Name: "新人", Phone: "13800000005"}); err != nil {
		t.Errorf("reuse the phone of a deleted member: %v", err)
	}
	hist, _ := svc.Members.History(m.ID)
	var actions []string
	for _, h := range hist {
		actions = append(actions, h.Action)
	}
	want := []string{"create", "archive", "update", "restore", "delete"}
	if len(actions) != len(want) {
		t.Fatalf("history = %v, want %v", actions, want)
	}
	for i := range want {
		if actions[i] != want[i] {
			t.Errorf("history = %v, want %v", actions, want)
			break
		}
	}
}

func TestAuditRecordsWhoWhenBeforeAndAfter(t *testing.T) {
	svc, _ := newServices(t)
	if _, err := svc.Settings.Save(app.Settings{Language: "zh-CN", Operator: "杭州组长"}); err != nil {
		t.Fatal(err)
	}
	m, _ := svc.Members.Create(app.Member{Name: "审计", City: "杭州"})
	m.City = "南京"
	m, _ = svc.Members.Update(m)
	hist, err := svc.Members.History(m.ID)
	if err != nil || len(hist) != 2 {
		t.Fatalf("history = %+v, %v", hist, err)
	}
	upd := hist[1]
	var before, after app.Member
	json.Unmarshal(upd.Before, &before)
	json.Unmarshal(upd.After, &after)
	if upd.Actor != "杭州组长" || upd.Action != "update" || before.City != "杭州" || after.City != "南京" {
		t.Errorf("audit = %s %s %s→%s", upd.Actor, upd.Action, before.City, after.City)
	}
	if !upd.At.After(hist[0].At) {
		t.Errorf("audit times not increasing: %v then %v", hist[0].At, upd.At)
	}
	if string(hist[0].Before) != "null" {
		t.Errorf("create before = %s, want null", hist[0].Before)
	}
}

func TestSettingsDefaultsValidationAndLostUpdate(t *testing.T) {
	svc, _ := newServices(t)
	got, _ := svc.Settings.Get()
	if got.Language != "zh-CN" || got.Operator != "lead" {
		t.Errorf("defaults = %+v, want zh-CN and the OS user", got)
	}
	if _, err := svc.Settings.Save(app.Settings{Language: "fr", Operator: ""}); app.ErrorCode(err) != app.CodeInvalid {
		t.Errorf("invalid settings: err = %v", err)
	}
	saved, err := svc.Settings.Save(app.Settings{Language: "en", Operator: "Lead"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Settings.Save(app.Settings{Language: "zh-CN", Operator: "Other", Version: 0}); app.AsError(err).Reason != "stale" {
		t.Errorf("stale save: err = %v", err)
	}
	if again, _ := svc.Settings.Get(); again.Language != "en" || again.Version != saved.Version {
		t.Errorf("settings = %+v, want en v%d", again, saved.Version)
	}
}

func TestLoadDemo(t *testing.T) {
	svc, _ := newServices(t)
	n, err := svc.System.LoadDemo(0)
	if err != nil || n != demo.DefaultMembers {
		t.Fatalf("LoadDemo = %d, %v", n, err)
	}
	info, _ := svc.System.Info()
	if info.Members != demo.DefaultMembers {
		t.Errorf("members = %d", info.Members)
	}
	if _, err := svc.System.LoadDemo(10); app.AsError(err).Reason != "db_not_empty" {
		t.Errorf("second LoadDemo: err = %v, want db_not_empty", err)
	}
}

func TestDeleteRefusesMembersWithHistory(t *testing.T) {
	svc, s := newServices(t)
	m, _ := svc.Members.Create(app.Member{Name: "有贡献"})
	if has, _ := s.HasHistory(m.ID); has {
		t.Fatal("a new member has no history")
	}
	if _, err := s.CreateContribution(app.Contribution{MemberID: m.ID, Kind: "article", Date: "2026-04-01", Quantity: 1}, app.Change{Actor: "lead"}); err != nil {
		t.Fatal(err)
	}
	err := svc.Members.Delete(m.ID, m.Version)
	if e := app.AsError(err); e == nil || e.Reason != "member_has_history" || e.Params["member"] != "有贡献" {
		t.Fatalf("err = %+v, want member_has_history", e)
	}
	if _, err := svc.Members.Get(m.ID); err != nil {
		t.Errorf("member is gone after a refused delete: %v", err)
	}
}
