package store

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"acedesk/app"
)

func TestImportMembersCreatesAndUpdatesAfterABackup(t *testing.T) {
	s := openTemp(t)
	a, err := s.CreateMember(app.Member{Name: "张三", Phone: "13800000001", Email: "zs@example.com", City: "杭州"}, change)
	if err != nil {
		t.Fatal(err)
	}
	a.City, a.Email = "南京", "zhang@example.com"
	later := app.Change{Actor: "importer", At: change.At}
	out, backup, err := s.ImportMembers([]app.Member{{Name: "王喆", Phone: "13800000002"}, a}, later)
	if err != nil {
		t.Fatal(err)
	}
	if out[0].ID == 0 || out[0].Version != 1 || out[1].ID != a.ID || out[1].Version != 2 || out[1].City != "南京" {
		t.Errorf("stored = %+v", out)
	}
	if want := s.Path() + ".before-import-20260314T090000Z.bak"; backup != want {
		t.Errorf("backup = %s, want %s", backup, want)
	}
	old, err := Open(backup, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := old.CountMembers(); n != 1 {
		t.Errorf("backup has %d members, want the 1 before the import", n)
	}
	old.Close()

	// The contact index follows the update: the old email is free again.
	got, err := s.MembersByContacts([]string{"13800000002"}, []string{"zs@example.com", "zhang@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	if names := memberNames(got); names != "[王喆 张三]" {
		t.Errorf("by contacts = %s, want [王喆 张三]", names)
	}
	for _, tc := range []struct {
		id   uint64
		want string
	}{{a.ID, "[create update]"}, {out[0].ID, "[create]"}} {
		entries, _ := s.AuditFor("member", tc.id)
		var actions []string
		for _, e := range entries {
			actions = append(actions, e.Action)
		}
		if fmt.Sprint(actions) != tc.want {
			t.Errorf("audit of %d = %v, want %s", tc.id, actions, tc.want)
		}
		if last := entries[len(entries)-1]; last.Actor != "importer" {
			t.Errorf("audit actor = %s, want importer", last.Actor)
		}
	}
	last, _ := s.AuditFor("member", a.ID)
	var before app.Member
	json.Unmarshal(last[1].Before, &before)
	if before.City != "杭州" {
		t.Errorf("audit before = %s, want 杭州", before.City)
	}
}

func TestImportMembersWritesNothingOnARefusal(t *testing.T) {
	for _, tc := range []struct {
		name   string
		batch  func(a app.Member) []app.Member
		reason string
	}{
		{"a stale version", func(a app.Member) []app.Member {
			a.Version, a.City = 7, "南京"
			return []app.Member{{Name: "新人", Phone: "13800000009"}, a}
		}, "stale"},
		{"a phone taken since the check", func(a app.Member) []app.Member {
			return []app.Member{{Name: "新人", Phone: "13800000009"}, {Name: "撞号", Phone: a.Phone}}
		}, "phone_taken"},
		{"one phone twice in the batch", func(a app.Member) []app.Member {
			return []app.Member{{Name: "甲", Phone: "13800000009"}, {Name: "乙", Phone: "13800000009"}}
		}, "phone_taken"},
		{"a member deleted since the check", func(a app.Member) []app.Member {
			a.ID = 99
			return []app.Member{{Name: "新人", Phone: "13800000009"}, a}
		}, "member_not_found"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t)
			a, _ := s.CreateMember(app.Member{Name: "张三", Phone: "13800000001", City: "杭州"}, change)
			_, _, err := s.ImportMembers(tc.batch(a), change)
			if got := app.AsError(err).Reason; got != tc.reason {
				t.Fatalf("reason = %q (%v), want %q", got, err, tc.reason)
			}
			if n, _ := s.CountMembers(); n != 1 {
				t.Errorf("members = %d, want 1", n)
			}
			if got, _ := s.MembersByContacts([]string{"13800000009"}, nil); len(got) != 0 {
				t.Errorf("the phone index kept %v", memberNames(got))
			}
			if got, _ := s.GetMember(a.ID); got.Version != 1 || got.City != "杭州" {
				t.Errorf("member = v%d %s, want v1 杭州", got.Version, got.City)
			}
			if entries, _ := s.AuditFor("member", a.ID); len(entries) != 1 {
				t.Errorf("audit entries = %d, want 1", len(entries))
			}
		})
	}
}

func TestImportBackupsDoNotOverwriteEachOther(t *testing.T) {
	s := openTemp(t)
	var backups []string
	for _, phone := range []string{"13800000001", "13800000002"} {
		_, backup, err := s.ImportMembers([]app.Member{{Name: "同一秒", Phone: phone}}, change)
		if err != nil {
			t.Fatal(err)
		}
		backups = append(backups, filepath.Base(backup))
	}
	want := []string{"acedesk.db.before-import-20260314T090000Z.bak", "acedesk.db.before-import-20260314T090000Z-2.bak"}
	if fmt.Sprint(backups) != fmt.Sprint(want) {
		t.Errorf("backups = %v, want %v", backups, want)
	}
	for _, b := range backups {
		st, err := os.Stat(filepath.Join(filepath.Dir(s.Path()), b))
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != FileMode {
			t.Errorf("backup %s mode = %o, want %o", b, st.Mode().Perm(), FileMode)
		}
	}
}

func TestMembersByContactsReturnsEachMemberOnce(t *testing.T) {
	s := openTemp(t)
	for _, m := range []app.Member{
		{Name: "张三", Phone: "13800000001", Email: "zs@example.com"},
		{Name: "李四", Email: "ls@example.com"},
		{Name: "王五", Phone: "13800000003"},
	} {
		if _, err := s.CreateMember(m, change); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.MembersByContacts([]string{"13800000001", "", "13900000000"}, []string{"zs@example.com", "ls@example.com", ""})
	if err != nil {
		t.Fatal(err)
	}
	if names := memberNames(got); names != "[张三 李四]" {
		t.Errorf("got %s, want [张三 李四]", names)
	}
}

func memberNames(ms []app.Member) string {
	var names []string
	for _, m := range ms {
		names = append(names, m.Name)
	}
	return fmt.Sprint(names)
}
