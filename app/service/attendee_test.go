package service_test

import (
	"strings"
	"testing"

	"acedesk/app"
)

// door is an event in 2026 with members holding each level (set by
// corrections, which give a holding at once).
type door struct {
	*program
	event                         app.Event
	director, aceB, aceA, partner app.Member
	nobody                        app.Member
}

func newDoor(t *testing.T) *door {
	t.Helper()
	p := newProgram(t)
	d := &door{program: p}
	mk := func(name, latin, phone, level string) app.Member {
		m, err := p.svc.Members.Create(app.Member{Name: name, NameLatin: latin, Phone: phone, Organization: "云象数据库", Email: name + "@example.com"})
		if err != nil {
			t.Fatal(err)
		}
		if level != "" {
			if _, err := p.svc.Decisions.Create(app.Decision{Kind: app.DecisionCorrection, MemberID: m.ID, Year: 2026, Level: level, Reason: "测试"}); err != nil {
				t.Fatal(err)
			}
		}
		return m
	}
	d.partner = mk("李玥", "Li Yue", "13800000001", "partner")
	d.aceB = mk("周昇", "Zhou Sheng", "13800000002", "ace")
	d.director = mk("欧阳喆", "Ouyang Zhe", "13800000003", "director")
	d.aceA = mk("陈堃", "Chen Kun", "13800000004", "ace")
	d.nobody = mk("王伟", "Wang Wei", "13800000005", "")
	e, err := p.svc.Events.Save(app.Event{Name: "天天象上·杭州 三月", Kind: app.EventCityMeetup, Date: "2026-03-21", City: "杭州"})
	if err != nil {
		t.Fatal(err)
	}
	d.event = e
	return d
}

func (d *door) register(ms ...app.Member) {
	d.t.Helper()
	for _, m := range ms {
		if _, err := d.svc.Attendees.Register(d.event.ID, m.ID); err != nil {
			d.t.Fatal(err)
		}
	}
}

func (d *door) row(m app.Member) app.AttendeeRow {
	d.t.Helper()
	rows, err := d.svc.Attendees.Attendees(d.event.ID)
	if err != nil {
		d.t.Fatal(err)
	}
	for _, r := range rows {
		if r.MemberID == m.ID {
			return r
		}
	}
	d.t.Fatalf("%s is not an attendee", m.Name)
	return app.AttendeeRow{}
}

func TestCheckInFollowsVersionsAndCountsOnTheEvent(t *testing.T) {
	d := newDoor(t)
	d.register(d.aceA, d.nobody)
	rows, err := d.svc.Attendees.Attendees(d.event.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Name != "陈堃" || rows[0].Level != "ace" || rows[1].Level != "none" || rows[0].Phone != "138****0004" {
		t.Fatalf("attendees = %+v", rows)
	}
	if _, err := d.svc.Attendees.Register(d.event.ID, d.aceA.ID); reasonOf(err) != "already_registered" {
		t.Errorf("second registration: %v", err)
	}

	in, err := d.svc.Attendees.CheckIn(d.event.ID, d.aceA.ID, rows[0].Version, "门口 iPhone")
	if err != nil || !in.CheckedIn || in.CheckedInBy != "lead" || in.Device != "门口 iPhone" || in.CheckedInAt.IsZero() {
		t.Fatalf("check-in = %+v, %v", in, err)
	}
	// A second desk that still shows the old version learns who was first.
	_, err = d.svc.Attendees.CheckIn(d.event.ID, d.aceA.ID, rows[0].Version, "desk 2")
	if e := app.AsError(err); e.Reason != "already_checked_in_device" || e.Params["device"] != "门口 iPhone" || e.Params["member"] != "陈堃" {
		t.Errorf("second check-in: %+v", e)
	}
	if e, _ := d.svc.Events.Get(d.event.ID); e.Registered != 2 || e.CheckedIn != 1 || e.Version != d.event.Version {
		t.Errorf("event = %d registered, %d checked in, version %d; want 2, 1, unchanged %d", e.Registered, e.CheckedIn, e.Version, d.event.Version)
	}
	if list, _ := d.svc.Events.List(2026); len(list) != 1 || list[0].CheckedIn != 1 {
		t.Errorf("list counts = %+v", list)
	}

	for _, tc := range []struct {
		name    string
		version int
		device  string
		reason  string
	}{
		{"an old version", in.Version - 1, "", "stale"},
		{"a device name with a newline", in.Version, "a\nb", "fields"},
		{"a device name too long", in.Version, strings.Repeat("机", 41), "fields"},
	} {
		if _, err := d.svc.Attendees.UndoCheckIn(d.event.ID, d.aceA.ID, tc.version, tc.device); reasonOf(err) != tc.reason {
			t.Errorf("undo with %s: %v, want %s", tc.name, err, tc.reason)
		}
	}
	out, err := d.svc.Attendees.UndoCheckIn(d.event.ID, d.aceA.ID, in.Version, "")
	if err != nil || out.CheckedIn || !out.CheckedInAt.IsZero() || out.Device != "" || !out.Registered {
		t.Fatalf("undo = %+v, %v", out, err)
	}
	if _, err := d.svc.Attendees.UndoCheckIn(d.event.ID, d.aceA.ID, out.Version, ""); reasonOf(err) != "not_checked_in" {
		t.Errorf("undo twice: %v", err)
	}
	if _, err := d.svc.Attendees.UndoCheckIn(d.event.ID, d.partner.ID, 0, ""); reasonOf(err) != "attendee_not_found" {
		t.Errorf("undo of someone not registered: %v", err)
	}

	// Someone on the roster who did not register is registered by checking in.
	walked, err := d.svc.Attendees.CheckIn(d.event.ID, d.partner.ID, 0, "")
	if err != nil || !walked.CheckedIn || walked.Level != "partner" {
		t.Errorf("check-in without registering = %+v, %v", walked, err)
	}
	// Checked in at this computer (no device): the conflict names the operator only.
	if _, err := d.svc.Attendees.CheckIn(d.event.ID, d.partner.ID, 0, "desk 2"); reasonOf(err) != "already_checked_in" {
		t.Errorf("check-in after one at this computer: %v, want already_checked_in", err)
	}
	if err := d.svc.Attendees.Unregister(d.event.ID, d.partner.ID, walked.Version); reasonOf(err) != "attendee_checked_in" {
		t.Errorf("unregister someone checked in: %v", err)
	}
	if err := d.svc.Attendees.Unregister(d.event.ID, d.nobody.ID, d.row(d.nobody).Version); err != nil {
		t.Errorf("unregister: %v", err)
	}

	var actions []string
	entries, err := d.st.AuditFor(app.AuditAttendance, d.event.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		actions = append(actions, e.Action)
	}
	want := "register register check_in undo_check_in check_in unregister"
	if strings.Join(actions, " ") != want {
		t.Errorf("audit = %s, want %s", strings.Join(actions, " "), want)
	}
	if entries[2].Actor != "lead" {
		t.Errorf("the check-in is audited as %q, want the operator", entries[2].Actor)
	}
}

func TestWalkInAddsAMemberCheckedIn(t *testing.T) {
	d := newDoor(t)
	before, _ := d.svc.System.Info()
	for _, tc := range []struct {
		name   string
		in     app.WalkIn
		reason string
		field  string
	}{
		{"no phone", app.WalkIn{Name: "赵晨"}, "fields", "phone"},
		{"no name", app.WalkIn{Phone: "13900000009"}, "fields", "name"},
		{"a bad phone", app.WalkIn{Name: "赵晨", Phone: "12345"}, "fields", "phone"},
		{"a phone on the roster", app.WalkIn{Name: "赵晨", Phone: d.aceA.Phone}, "phone_taken", "phone"},
	} {
		_, err := d.svc.Attendees.WalkIn(d.event.ID, tc.in, "")
		if e := app.AsError(err); e.Reason != tc.reason || e.Fields[tc.field] == "" {
			t.Errorf("%s: %+v", tc.name, e)
		}
	}
	if after, _ := d.svc.System.Info(); after.Members != before.Members {
		t.Fatalf("refused walk-ins added %d members", after.Members-before.Members)
	}
	row, err := d.svc.Attendees.WalkIn(d.event.ID, app.WalkIn{Name: " 赵晨 ", Phone: "+86 139-0000-0009"}, "门口")
	if err != nil || !row.WalkIn || !row.CheckedIn || row.Name != "赵晨" || row.Level != "none" || row.Phone != "139****0009" {
		t.Fatalf("walk-in = %+v, %v", row, err)
	}
	m, err := d.svc.Members.ByPhone("13900000009")
	if err != nil || m.ID != row.MemberID {
		t.Errorf("the walk-in is not on the roster: %+v, %v", m, err)
	}
	if e, _ := d.svc.Events.Get(d.event.ID); e.CheckedIn != 1 {
		t.Errorf("checked in = %d, want 1", e.CheckedIn)
	}
}

func TestCheckInSearchShowsWhatTheDoorNeeds(t *testing.T) {
	d := newDoor(t)
	d.register(d.aceB)
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"zs", []string{"周昇"}},
		{"ouyang", []string{"欧阳喆"}},
		{"0004", []string{"陈堃"}},
		{"138", []string{"周昇", "陈堃", "李玥", "欧阳喆", "王伟"}}, // the registered first, then pinyin order
		{"云象", nil},                                      // not by employer
		{"example.com", nil},                             // nor email
		{"  ", nil},
	} {
		rows, err := d.svc.Attendees.CheckInSearch(d.event.ID, tc.text)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rows {
			got = append(got, r.Name)
			if strings.Contains(r.Phone, "0000") {
				t.Errorf("%q: phone %s is not masked", tc.text, r.Phone)
			}
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%q = %v, want %v", tc.text, got, tc.want)
		}
		if len(rows) > 0 && rows[0].Name == "周昇" && (!rows[0].Registered || rows[0].Level != "ace" || rows[0].Version != 1) {
			t.Errorf("%q: registered row = %+v", tc.text, rows[0])
		}
	}
	if _, err := d.svc.Attendees.CheckInSearch(999, "张"); app.ErrorCode(err) != app.CodeNotFound {
		t.Errorf("unknown event: %v", err)
	}
}

func TestFrontRowAndPlaceCards(t *testing.T) {
	d := newDoor(t)
	if _, err := d.svc.Attendees.PlaceCards(d.event.ID); reasonOf(err) != "front_row_empty" {
		t.Errorf("cards for nobody: %v", err)
	}
	d.register(d.nobody, d.partner, d.aceB, d.aceA, d.director)
	row, err := d.svc.Attendees.FrontRow(d.event.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range row {
		got = append(got, r.Name+"/"+r.Level)
	}
	want := "欧阳喆/director 陈堃/ace 周昇/ace 李玥/partner"
	if strings.Join(got, " ") != want {
		t.Errorf("front row = %s, want %s", strings.Join(got, " "), want)
	}

	f, err := d.svc.Attendees.PlaceCards(d.event.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(f.Name, ".pdf") {
		t.Errorf("file name %q", f.Name)
	}
	pages := pdfPages(t, f.Data)
	if len(pages) != len(row) {
		t.Fatalf("%d pages for %d cards", len(pages), len(row))
	}
	labels := map[string][]string{
		"director": {"PostgreSQL ACE 总监", "PostgreSQL ACE Director"},
		"ace":      {"PostgreSQL ACE"},
		"partner":  {"PostgreSQL ACE 伙伴", "PostgreSQL ACE Partner"},
	}
	for i, r := range row {
		for _, want := range append([]string{r.Name, r.NameLatin}, labels[r.Level]...) {
			if !strings.Contains(pages[i], want) {
				t.Errorf("page %d lacks %q:\n%s", i+1, want, pages[i])
			}
		}
		for j, p := range pages {
			if j != i && strings.Contains(p, r.Name) {
				t.Errorf("%s is printed on page %d too", r.Name, j+1)
			}
		}
	}
	if strings.Contains(strings.Join(pages, ""), d.nobody.Name) {
		t.Error("a member without a level has a place card")
	}
}

func TestCheckInMatcher(t *testing.T) {
	const name, latin, phone = "欧阳喆", "ouyang zhe-ming", "13800005678"
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"欧阳", true}, {"OUYANG", true}, {"ouyangzhe", true}, {"gzh", true}, {"ozm", true}, {"oz", true},
		{"zhe ouyang", true}, {"5678", true}, {"+86 138 0000 5678", true},
		{"o", true},         // one letter still narrows by the name
		{"zo", false},       // initials in order only
		{"56", false},       // too few digits for a phone
		{"ouyang 张", false}, // every word must match
		{"", false}, {"   ", false},
	} {
		if got := app.CheckInMatcher(tc.text)([]byte(name), []byte(latin), []byte(phone)); got != tc.want {
			t.Errorf("%q = %v, want %v", tc.text, got, tc.want)
		}
	}
	// Latin names may carry accents: such a word still searches them.
	if !app.CheckInMatcher("müller")([]byte("穆勒"), []byte("hans müller"), []byte(phone)) {
		t.Error(`"müller" does not find the Latin name "hans müller"`)
	}
}
