package store

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"acedesk/app"
)

func eventWithMembers(t *testing.T, s *Store, n int) (app.Event, []app.Member) {
	t.Helper()
	var ms []app.Member
	for i := range n {
		m, err := s.CreateMember(app.Member{Name: fmt.Sprintf("成员%d", i), Phone: fmt.Sprintf("1380000%04d", i)}, change)
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	e, err := s.SaveEvent(app.Event{Name: "天天象上", Kind: app.EventCityMeetup, Date: "2026-03-21", Talks: []app.Talk{}}, app.EventPlan{}, change)
	if err != nil {
		t.Fatal(err)
	}
	return e, ms
}

func TestAttendeeVersionsRefuseTheSecondOfTwoEdits(t *testing.T) {
	s := openTemp(t)
	e, ms := eventWithMembers(t, s, 1)
	a := app.Attendee{EventID: e.ID, MemberID: ms[0].ID}
	first, err := s.SaveAttendee(a, app.ActionRegister, change)
	if err != nil || first.Version != 1 {
		t.Fatalf("register = %+v, %v", first, err)
	}
	for _, tc := range []struct {
		name    string
		version int
		want    app.Code
	}{
		{"a second registration", 0, app.CodeConflict},
		{"an edit from an old version", 7, app.CodeConflict},
		{"the edit from the stored version", 1, ""},
		{"the same edit again", 1, app.CodeConflict},
	} {
		a.Version, a.CheckedIn = tc.version, true
		if _, err := s.SaveAttendee(a, app.ActionCheckIn, change); app.ErrorCode(err) != tc.want {
			t.Errorf("%s: error %v, want code %q", tc.name, err, tc.want)
		}
	}
	if got, _, _ := s.GetAttendee(e.ID, ms[0].ID); got.Version != 2 || !got.CheckedIn {
		t.Errorf("stored = %+v, want version 2, checked in", got)
	}
	if _, err := s.SaveAttendee(app.Attendee{EventID: e.ID, MemberID: 999}, app.ActionRegister, change); app.ErrorCode(err) != app.CodeNotFound {
		t.Errorf("unknown member: %v", err)
	}
	if _, err := s.SaveAttendee(app.Attendee{EventID: 999, MemberID: ms[0].ID}, app.ActionRegister, change); app.ErrorCode(err) != app.CodeNotFound {
		t.Errorf("unknown event: %v", err)
	}
	if entries, _ := s.AuditFor(app.AuditAttendance, e.ID); len(entries) != 2 || entries[1].Action != app.ActionCheckIn {
		t.Errorf("audit = %+v, want register then check_in", entries)
	}
}

// Desks check people in at once, and two of them race for the same
// person: every check-in lands once, and each race has one loser.
func TestConcurrentCheckInsLoseNothing(t *testing.T) {
	s := openTemp(t)
	const people = 40
	e, ms := eventWithMembers(t, s, people)
	var wg sync.WaitGroup
	results := make([][2]error, people)
	for i, m := range ms {
		for desk := range 2 {
			wg.Go(func() {
				a := app.Attendee{EventID: e.ID, MemberID: m.ID, CheckedIn: true, Device: fmt.Sprintf("desk %d", desk)}
				_, results[i][desk] = s.SaveAttendee(a, app.ActionCheckIn, change)
			})
		}
	}
	wg.Wait()
	for i, r := range results {
		ok := 0
		for _, err := range r {
			switch app.ErrorCode(err) {
			case "":
				ok++
			case app.CodeConflict:
			default:
				t.Errorf("member %d: %v", i, err)
			}
		}
		if ok != 1 {
			t.Errorf("member %d: %d check-ins succeeded, want 1 (%v)", i, ok, r)
		}
	}
	got, err := s.GetEvent(e.ID)
	if err != nil || got.Registered != people || got.CheckedIn != people {
		t.Errorf("counts = %d registered, %d checked in (%v), want %d each", got.Registered, got.CheckedIn, err, people)
	}
	if entries, _ := s.AuditFor(app.AuditAttendance, e.ID); len(entries) != people {
		t.Errorf("audit has %d entries, want %d", len(entries), people)
	}
}

func TestWalkInIsAllOrNothing(t *testing.T) {
	s := openTemp(t)
	e, ms := eventWithMembers(t, s, 1)
	door := app.Attendee{EventID: e.ID, WalkIn: true, CheckedIn: true}
	m, a, err := s.WalkIn(app.Member{Name: "王喆", Phone: "13900000001"}, door, change)
	if err != nil || a.MemberID != m.ID || a.Version != 1 {
		t.Fatalf("walk-in = %+v %+v, %v", m, a, err)
	}
	before, _ := s.CountMembers()
	if _, _, err := s.WalkIn(app.Member{Name: "重号", Phone: ms[0].Phone}, door, change); app.AsError(err).Reason != "phone_taken" {
		t.Errorf("a taken phone: %v", err)
	}
	door.EventID = 999
	if _, _, err := s.WalkIn(app.Member{Name: "无此活动", Phone: "13900000002"}, door, change); app.ErrorCode(err) != app.CodeNotFound {
		t.Errorf("unknown event: %v", err)
	}
	if after, _ := s.CountMembers(); after != before {
		t.Errorf("refused walk-ins left %d members behind", after-before)
	}
	if has, _ := s.HasHistory(m.ID); !has {
		t.Error("a walk-in's attendance is not history: they could be deleted from under it")
	}
}

func TestDeletingAnEventKeepsItsCheckIns(t *testing.T) {
	s := openTemp(t)
	e, ms := eventWithMembers(t, s, 2)
	for _, m := range ms {
		if _, err := s.SaveAttendee(app.Attendee{EventID: e.ID, MemberID: m.ID}, app.ActionRegister, change); err != nil {
			t.Fatal(err)
		}
	}
	in, _ := s.SaveAttendee(app.Attendee{EventID: e.ID, MemberID: ms[0].ID, CheckedIn: true, Version: 1}, app.ActionCheckIn, change)
	if err := s.DeleteEvent(e.ID, e.Version, app.EventPlan{}, change); app.AsError(err).Reason != "event_has_checkins" {
		t.Fatalf("delete with a check-in: %v", err)
	}
	in.CheckedIn = false
	if _, err := s.SaveAttendee(in, app.ActionUndoCheckIn, change); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteEvent(e.ID, e.Version, app.EventPlan{}, change); err != nil {
		t.Fatalf("delete with registrations only: %v", err)
	}
	for _, m := range ms {
		if has, _ := s.HasHistory(m.ID); has {
			t.Errorf("%s keeps a reference to the deleted event", m.Name)
		}
		if _, ok, _ := s.GetAttendee(e.ID, m.ID); ok {
			t.Errorf("%s is still registered for the deleted event", m.Name)
		}
	}
}

func TestCheckInCandidatesPutTheRegisteredFirst(t *testing.T) {
	s := openTemp(t)
	e, _ := eventWithMembers(t, s, 0)
	var ids []uint64
	for _, m := range []app.Member{
		{Name: "张三", NameLatin: "Zhang San", Phone: "13800001111", Email: "zhang@example.com"},
		{Name: "张珊", NameLatin: "Zhang Shan", Phone: "13800002222"},
		{Name: "李四", NameLatin: "Li Si", Phone: "13800003333", Organization: "张江某公司"},
	} {
		created, err := s.CreateMember(m, change)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, created.ID)
	}
	if _, err := s.SaveAttendee(app.Attendee{EventID: e.ID, MemberID: ids[1]}, app.ActionRegister, change); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want []uint64
	}{
		{"张", []uint64{ids[1], ids[0]}}, // not 李四 by his employer
		{"zs", []uint64{ids[1], ids[0]}},
		{"zhangsan", []uint64{ids[0]}},
		{"3333", []uint64{ids[2]}},
		{"example", nil}, // emails are not searched at the door
	} {
		got, err := s.CheckInCandidates(e.ID, app.CheckInMatcher(tc.text), 10)
		if err != nil {
			t.Fatal(err)
		}
		var gotIDs []uint64
		for _, c := range got {
			gotIDs = append(gotIDs, c.Member.ID)
			if c.Registered != (c.Member.ID == ids[1]) || (c.Registered && c.Attendee.Version != 1) {
				t.Errorf("%q: %s registered=%v attendee=%+v", tc.text, c.Member.Name, c.Registered, c.Attendee)
			}
		}
		if fmt.Sprint(gotIDs) != fmt.Sprint(tc.want) {
			t.Errorf("%q = %v, want %v", tc.text, gotIDs, tc.want)
		}
	}
	if got, _ := s.CheckInCandidates(e.ID, app.CheckInMatcher("张"), 1); len(got) != 1 || got[0].Member.ID != ids[1] {
		t.Errorf("limit 1 = %+v, want the registered 张珊 only", got)
	}
}

func TestMigrationSixAddsAttendeesToAnOlderDatabase(t *testing.T) {
	var m app.Member
	s, path := upgraded(t, 5, func(old *Store) {
		var err error
		if m, err = old.CreateMember(app.Member{Name: "老成员"}, change); err != nil {
			t.Fatal(err)
		}
	})
	e, _ := eventWithMembers(t, s, 0)
	if m := migrations[5]; m.Version != 6 || m.Name != "event attendees" {
		t.Fatalf("migration 6 is %d %q", m.Version, m.Name)
	}
	if backups, _ := filepath.Glob(path + ".before-v6-*.bak"); len(backups) != 1 {
		t.Errorf("backups = %v, want one before v6", backups)
	}
	if _, err := s.SaveAttendee(app.Attendee{EventID: e.ID, MemberID: m.ID}, app.ActionRegister, change); err != nil {
		t.Errorf("register a member of the older database: %v", err)
	}
	if got, _ := s.GetEvent(e.ID); got.Registered != 1 {
		t.Errorf("event after migrating = %+v, want 1 registered", got)
	}
}

// The door searches the whole roster on every keystroke, from many phones
// at once (issue 6 targets a p99 of 50 ms with 50 clients on 10,000 members).
func BenchmarkCheckInSearch10k(b *testing.B) {
	s := roster10k(b)
	e, err := s.SaveEvent(app.Event{Name: "大会", Kind: app.EventConference, Date: "2026-07-18", Talks: []app.Talk{}}, app.EventPlan{}, change)
	if err != nil {
		b.Fatal(err)
	}
	for id := uint64(1); id <= 1000; id++ {
		if _, err := s.SaveAttendee(app.Attendee{EventID: e.ID, MemberID: id}, app.ActionRegister, change); err != nil {
			b.Fatal(err)
		}
	}
	for _, text := range []string{"王", "zhangwei", "zw", "5678", "nobody"} {
		b.Run(fmt.Sprintf("q=%q", text), func(b *testing.B) {
			for b.Loop() {
				if _, err := s.CheckInCandidates(e.ID, app.CheckInMatcher(text), 20); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("check-in", func(b *testing.B) {
		id := uint64(1)
		for b.Loop() {
			a, _, _ := s.GetAttendee(e.ID, id)
			a.CheckedIn = !a.CheckedIn
			if _, err := s.SaveAttendee(a, app.ActionCheckIn, change); err != nil {
				b.Fatal(err)
			}
			id = id%1000 + 1
		}
	})
}

func TestEventCountsCheckInsWithoutDecodingAttendees(t *testing.T) {
	s := openTemp(t)
	e, ms := eventWithMembers(t, s, 3)
	for i, m := range ms {
		// Text that spells the flag must not count: JSON escapes its quotes.
		a := app.Attendee{EventID: e.ID, MemberID: m.ID, CheckedInBy: `x","checked_in":true`, Device: `"checked_in":true`}
		a.CheckedIn = i == 0
		if _, err := s.SaveAttendee(a, app.ActionRegister, change); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.GetEvent(e.ID)
	if err != nil || got.Registered != 3 || got.CheckedIn != 1 {
		t.Errorf("counts = %d registered, %d checked in (%v), want 3 and 1", got.Registered, got.CheckedIn, err)
	}
}

func TestHoldingsOfReadsOnlyTheGivenMembers(t *testing.T) {
	s := openTemp(t)
	_, ms := eventWithMembers(t, s, 3)
	for _, m := range ms[:2] {
		if _, err := s.CreateDecision(app.Decision{Kind: app.DecisionCorrection, MemberID: m.ID, Year: 2026, Level: "ace", Reason: "test"}, change); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		ids  []uint64
		want int
	}{
		{[]uint64{ms[0].ID}, 1},
		{[]uint64{ms[0].ID, ms[1].ID, ms[2].ID, 999}, 2},
		{nil, 0},
	} {
		got, err := s.HoldingsOf(2026, tc.ids)
		if err != nil || len(got) != tc.want {
			t.Errorf("HoldingsOf(%v) = %+v, %v; want %d", tc.ids, got, err, tc.want)
		}
	}
	if got, err := s.HoldingsOf(2027, []uint64{ms[0].ID}); err != nil || len(got) != 0 {
		t.Errorf("HoldingsOf another year = %+v, %v; want none", got, err)
	}
}

func TestGetEventBareSkipsTheCounts(t *testing.T) {
	s := openTemp(t)
	e, ms := eventWithMembers(t, s, 1)
	if _, err := s.SaveAttendee(app.Attendee{EventID: e.ID, MemberID: ms[0].ID}, app.ActionRegister, change); err != nil {
		t.Fatal(err)
	}
	full, _ := s.GetEvent(e.ID)
	bare, err := s.GetEventBare(e.ID)
	if err != nil || bare.Name != full.Name || bare.Date != full.Date || full.Registered != 1 || bare.Registered != 0 {
		t.Errorf("bare = %+v (%v), full = %+v; want the same event, counted only in full", bare, err, full)
	}
	if _, err := s.GetEventBare(999); app.ErrorCode(err) != app.CodeNotFound {
		t.Errorf("unknown event: %v", err)
	}
}
