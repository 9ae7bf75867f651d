package service_test

import (
	"path/filepath"
	"testing"
	"time"

	"acedesk/app"
	"acedesk/app/apptest"
	"acedesk/app/apptest/wired"
	"acedesk/app/service"
	"acedesk/store"
)

// program is a service set with a settable clock and a few members.
type program struct {
	t     *testing.T
	svc   *service.Services
	clock *apptest.Clock
	st    *store.Store
}

// newProgram is a chapter that has set its chapter code.
func newProgram(t *testing.T) *program {
	t.Helper()
	p := newUnsetProgram(t)
	if err := wired.SetChapter(p.svc, "HZ"); err != nil {
		t.Fatal(err)
	}
	return p
}

// newUnsetProgram is a chapter on its first start: no chapter code yet.
func newUnsetProgram(t *testing.T) *program {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "acedesk.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clock := apptest.NewClock(apptest.Start)
	return &program{t: t, svc: service.New(st, clock, "lead", wired.Ports()), clock: clock, st: st}
}

func (p *program) member(name string) app.Member {
	p.t.Helper()
	m, err := p.svc.Members.Create(app.Member{Name: name, City: "杭州"})
	if err != nil {
		p.t.Fatal(err)
	}
	return m
}

func (p *program) group(committee, name string, terms ...app.GroupTerm) app.Group {
	p.t.Helper()
	g, err := p.svc.Groups.Create(app.Group{Committee: committee, Name: name, Terms: terms})
	if err != nil {
		p.t.Fatal(err)
	}
	return g
}

func (p *program) approved(member uint64, kind, date string) app.Contribution {
	p.t.Helper()
	c, err := p.svc.Contributions.Create(app.Contribution{MemberID: member, Kind: kind, Date: date, Status: app.StatusApproved})
	if err != nil {
		p.t.Fatal(err)
	}
	return c
}

// standing is one member's row of year, or a zero row.
func (p *program) standing(year int, member uint64) service.StandingRow {
	p.t.Helper()
	return standingOf(p.t, p.svc, year, member)
}

func (p *program) on(date string) {
	d, err := time.Parse(app.DateLayout, date)
	if err != nil {
		p.t.Fatal(err)
	}
	p.clock.Set(d.Add(9 * time.Hour))
}

func reasonOf(e error) string {
	if e == nil {
		return ""
	}
	return app.AsError(e).Reason
}

func TestLeadsAndDecisionsGiveLevelsWithReasons(t *testing.T) {
	p := newProgram(t)
	lead, writer, invited, granted := p.member("林堃"), p.member("周玥"), p.member("欧阳明"), p.member("司马晨")
	p.group("regional", "杭州用户组", app.GroupTerm{Year: 2026, LeadID: lead.ID})
	p.group("evangelism", "Writer 专家组", app.GroupTerm{Year: 2026, LeadID: writer.ID})
	for _, d := range []app.Decision{
		{Kind: app.DecisionInvitation, MemberID: invited.ID, Year: 2026, Reason: "社区创始成员"},
		{Kind: app.DecisionSpecialGrant, MemberID: granted.ID, Year: 2026, Level: "ace", Reason: "合著《PostgreSQL 实战》"},
	} {
		if _, err := p.svc.Decisions.Create(d); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name   string
		member uint64
		level  string
		reason string
	}{
		{"city group lead", lead.ID, "partner", "杭州用户组组长：PostgreSQL ACE 伙伴"},
		{"writer group lead has no lead track", writer.ID, "none", ""},
		{"invitation", invited.ID, "director", "受邀：PostgreSQL ACE 总监"},
		{"special grant", granted.ID, "ace", "特殊贡献：PostgreSQL ACE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := p.standing(2026, tc.member)
			if got.Level != tc.level {
				t.Errorf("level = %s, want %s", got.Level, tc.level)
			}
			if tc.reason != "" && (len(got.Reasons) < 2 || got.Reasons[1] != tc.reason) {
				t.Errorf("reasons = %q, want %q second", got.Reasons, tc.reason)
			}
		})
	}
	if got := p.standing(2027, lead.ID).Level; got != "none" {
		t.Errorf("a 2026 lead stands %s in 2027, want none", got)
	}
}

func TestPromotionNeedsTheLeadAndAReasonAndCanBeWithdrawn(t *testing.T) {
	p := newProgram(t)
	lead, other := p.member("林堃"), p.member("周玥")
	g := p.group("industry", "金融行业组", app.GroupTerm{Year: 2026, LeadID: lead.ID})
	for _, tc := range []struct {
		name   string
		in     app.Decision
		reason string
	}{
		{"no reason", app.Decision{Kind: app.DecisionPromotion, MemberID: lead.ID, Year: 2026, GroupID: g.ID}, "fields"},
		{"not the lead", app.Decision{Kind: app.DecisionPromotion, MemberID: other.ID, Year: 2026, GroupID: g.ID, Reason: "优秀"}, "not_lead"},
		{"not lead that year", app.Decision{Kind: app.DecisionPromotion, MemberID: lead.ID, Year: 2025, GroupID: g.ID, Reason: "优秀"}, "not_lead"},
		{"grant without level", app.Decision{Kind: app.DecisionSpecialGrant, MemberID: lead.ID, Year: 2026, Reason: "合著"}, "fields"},
	} {
		if _, err := p.svc.Decisions.Create(tc.in); reasonOf(err) != tc.reason {
			t.Errorf("%s: err = %v, want reason %s", tc.name, err, tc.reason)
		}
	}
	d, err := p.svc.Decisions.Create(app.Decision{Kind: app.DecisionPromotion, MemberID: lead.ID, Year: 2026, GroupID: g.ID, Reason: "行业报告影响大"})
	if err != nil {
		t.Fatal(err)
	}
	if d.DecidedBy != "lead" || d.DecidedAt.IsZero() {
		t.Errorf("decided by %q at %v, want the operator and a time", d.DecidedBy, d.DecidedAt)
	}
	got := p.standing(2026, lead.ID)
	if got.Level != "ace" || got.Reasons[len(got.Reasons)-1] != "金融行业组优秀组长晋升：PostgreSQL ACE" {
		t.Errorf("promoted lead: level %s, reasons %q", got.Level, got.Reasons)
	}
	if _, err := p.svc.Decisions.Withdraw(d.ID, d.Version, ""); reasonOf(err) != "fields" {
		t.Errorf("withdraw without reason: err = %v, want fields", err)
	}
	if _, err := p.svc.Decisions.Withdraw(d.ID, d.Version, "误操作"); err != nil {
		t.Fatal(err)
	}
	if got := p.standing(2026, lead.ID).Level; got != "partner" {
		t.Errorf("after withdrawal level = %s, want partner", got)
	}
	if audit, _ := p.st.AuditFor("decision", d.ID); len(audit) != 2 || audit[1].Action != "withdraw" {
		t.Errorf("audit = %+v, want create then withdraw", audit)
	}
	if has, _ := p.st.HasHistory(lead.ID); !has {
		t.Error("a lead with a decision has no history: could be deleted")
	}
}

func TestEventTalksCreatePendingContributionsThatFollowTheEvent(t *testing.T) {
	p := newProgram(t)
	speaker, second, organizer := p.member("王喆"), p.member("李玥"), p.member("张堃")
	e, err := p.svc.Events.Save(app.Event{Name: "技术峰会全国行·杭州站", Kind: app.EventRegionalSummit, Date: "2026-05-16", City: "杭州",
		Attendance: 180, Talks: []app.Talk{{MemberID: speaker.ID, Title: "分区表性能调优"}, {MemberID: second.ID, Title: "高可用选型"}}})
	if err != nil {
		t.Fatal(err)
	}
	c, err := p.svc.Contributions.ForMember(speaker.ID)
	if err != nil || len(c) != 1 {
		t.Fatalf("speaker's contributions = %v, %v; want one", c, err)
	}
	if got, want := c[0], (app.Contribution{Kind: "talk_regional", Date: "2026-05-16", Title: "分区表性能调优", Status: app.StatusPending, EventID: e.ID}); got.Kind != want.Kind ||
		got.Date != want.Date || got.Title != want.Title || got.Status != want.Status || got.EventID != want.EventID || e.Talks[0].ContributionID != got.ID {
		t.Errorf("talk contribution = %+v, want %+v linked from the talk", got, want)
	}
	if got := p.standing(2026, speaker.ID).Points; got != 0 {
		t.Errorf("pending talk earns %d, want 0", got)
	}
	approved, err := p.svc.Contributions.Approve(c[0].ID, c[0].Version)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.standing(2026, speaker.ID); got.Points != 200 || got.Level != "partner" {
		t.Errorf("after approval: %d points, %s; want 200, partner", got.Points, got.Level)
	}

	// The second talk is still pending: renaming it follows; the first is
	// decided and cannot move.
	e.Talks[1].Title = "PostgreSQL 高可用架构选型"
	if e, err = p.svc.Events.Save(e); err != nil {
		t.Fatal(err)
	}
	if c2, _ := p.svc.Contributions.ForMember(second.ID); c2[0].Title != "PostgreSQL 高可用架构选型" {
		t.Errorf("pending talk title = %q, want the new one", c2[0].Title)
	}
	moved := e
	moved.Date = "2027-01-09"
	if _, err := p.svc.Events.Save(moved); reasonOf(err) != "talk_decided" {
		t.Errorf("moving an event with an approved talk: err = %v, want talk_decided", err)
	}
	if err := p.svc.Contributions.Delete(approved.ID, approved.Version); reasonOf(err) != "contribution_of_event" {
		t.Errorf("deleting a talk's contribution directly: err = %v, want contribution_of_event", err)
	}

	// Dropping the pending talk removes its contribution.
	e.Talks = e.Talks[:1]
	if e, err = p.svc.Events.Save(e); err != nil {
		t.Fatal(err)
	}
	if c2, _ := p.svc.Contributions.ForMember(second.ID); len(c2) != 0 {
		t.Errorf("dropped talk left %v", c2)
	}

	// A university event earns its organizer; a city meetup's talks earn nothing.
	uni, err := p.svc.Events.Save(app.Event{Name: "PostgreSQL 高校行·浙大", Kind: app.EventUniversity, Date: "2026-10-20", OrganizerID: organizer.ID})
	if err != nil || uni.OrganizerContributionID == 0 {
		t.Fatalf("university event = %+v, %v; want an organizer contribution", uni, err)
	}
	meetup, err := p.svc.Events.Save(app.Event{Name: "天天象上·十月", Kind: app.EventCityMeetup, Date: "2026-10-21",
		Talks: []app.Talk{{MemberID: organizer.ID, Title: "VACUUM 原理"}}})
	if err != nil || meetup.Talks[0].ContributionID != 0 {
		t.Fatalf("meetup = %+v, %v; want a talk without contribution", meetup, err)
	}
	if c3, _ := p.svc.Contributions.ForMember(organizer.ID); len(c3) != 1 || c3[0].Kind != "university_event" {
		t.Errorf("organizer's contributions = %+v, want one university_event", c3)
	}
	if err := p.svc.Events.Delete(uni.ID, uni.Version); err != nil {
		t.Fatal(err)
	}
	if c3, _ := p.svc.Contributions.ForMember(organizer.ID); len(c3) != 0 {
		t.Errorf("deleting the event left %+v", c3)
	}
	if _, err := p.svc.Events.Save(app.Event{Name: "缺组织者", Kind: app.EventUniversity, Date: "2026-10-20"}); reasonOf(err) != "fields" {
		t.Errorf("university event without organizer: err = %v, want fields", err)
	}
}

func TestBatchesPublishOnceInOrderAndFreeze(t *testing.T) {
	p := newProgram(t)
	early, late, lead := p.member("王喆"), p.member("李玥"), p.member("林堃")
	p.approved(early.ID, "talk_conference", "2026-03-20") // Partner on 20 March
	p.approved(early.ID, "talk_regional", "2026-03-31")   // 600: ACE on 31 March
	p.approved(late.ID, "talk_regional", "2026-04-01")    // Partner in Q2
	p.group("regional", "杭州用户组", app.GroupTerm{Year: 2026, LeadID: lead.ID, LeadSince: "2026-05-01"})

	p.on("2026-03-30")
	b, err := p.svc.Levels.Batch("2026-Q1")
	if err != nil {
		t.Fatal(err)
	}
	if b.Blocked.Code != "quarter_open" || len(b.Entries) != 1 || b.Entries[0].Level != "ace" {
		t.Errorf("Q1 before its end: blocked %q, entries %+v; want quarter_open and one ACE", b.Blocked.Code, b.Entries)
	}
	if _, err := p.svc.Levels.PublishBatch("2026-Q1"); reasonOf(err) != "quarter_open" {
		t.Errorf("publishing an open quarter: err = %v, want quarter_open", err)
	}

	p.on("2026-07-02")
	if _, err := p.svc.Levels.PublishBatch("2026-Q2"); reasonOf(err) != "earlier_unpublished" {
		t.Errorf("publishing Q2 before Q1: err = %v, want earlier_unpublished", err)
	}
	q1, err := p.svc.Levels.PublishBatch("2026-Q1")
	if err != nil {
		t.Fatal(err)
	}
	if !q1.Published || q1.PublishedBy != "lead" || q1.Entries[0].MemberID != early.ID || q1.Entries[0].QualifiedOn != "2026-03-31" {
		t.Errorf("published Q1 = %+v", q1)
	}
	if _, err := p.svc.Levels.PublishBatch("2026-Q1"); reasonOf(err) != "batch_published" {
		t.Errorf("publishing twice: err = %v, want batch_published", err)
	}
	q2, err := p.svc.Levels.PublishBatch("2026-Q2")
	if err != nil {
		t.Fatal(err)
	}
	got := map[uint64]string{}
	for _, e := range q2.Entries {
		got[e.MemberID] = e.Level + " " + e.Reason.Code
	}
	want := map[uint64]string{late.ID: "partner points_reached", lead.ID: "partner group_lead"}
	if len(got) != len(want) || got[late.ID] != want[late.ID] || got[lead.ID] != want[lead.ID] {
		t.Errorf("Q2 entries = %v, want %v", got, want)
	}

	// Frozen: more points later change the standings, not the batch.
	p.approved(late.ID, "talk_conference", "2026-06-10")
	again, _ := p.svc.Levels.Batch("2026-Q2")
	if len(again.Entries) != 2 || again.Entries[0].Level != "partner" {
		t.Errorf("published batch changed: %+v", again.Entries)
	}
	if row := p.standing(2026, late.ID); row.Level != "ace" || row.Held != "partner" {
		t.Errorf("standing = %s held %s, want ace held partner", row.Level, row.Held)
	}
	if audit, _ := p.st.AuditFor("batch", 20262); len(audit) != 1 || audit[0].Action != "publish" {
		t.Errorf("batch audit = %+v", audit)
	}
	if _, err := p.svc.Levels.Batch("2026-Q5"); reasonOf(err) != "batch_id" {
		t.Errorf("bad batch name: err = %v, want batch_id", err)
	}
}

func TestRenewalKeepsRaisesLowersAndLapses(t *testing.T) {
	p := newProgram(t)
	keep, down, lapse, rise := p.member("王喆"), p.member("李玥"), p.member("张堃"), p.member("周翀")
	p.approved(keep.ID, "talk_regional", "2025-02-01")
	p.approved(down.ID, "talk_conference", "2025-02-01")
	p.approved(down.ID, "talk_regional", "2025-02-02")
	p.approved(lapse.ID, "talk_regional", "2025-02-01")
	p.approved(rise.ID, "talk_regional", "2025-02-01")
	p.on("2025-04-01")
	if _, err := p.svc.Levels.PublishBatch("2025-Q1"); err != nil {
		t.Fatal(err)
	}
	// The batch gives 2025 and its renewal 2026; the year 2026 decides 2027.
	p.on("2025-12-31")
	if _, err := p.svc.Levels.ConfirmRenewal(2025); err != nil {
		t.Fatal(err)
	}
	p.approved(keep.ID, "talk_regional", "2026-03-01")
	p.approved(down.ID, "talk_regional", "2026-03-01")
	p.approved(down.ID, "talk_live", "2026-03-02")
	p.approved(rise.ID, "talk_conference", "2026-03-01")
	p.approved(rise.ID, "talk_regional", "2026-03-02")

	p.on("2026-11-30")
	r, err := p.svc.Levels.Renewal(2026)
	if err != nil {
		t.Fatal(err)
	}
	got := map[uint64]string{}
	for _, e := range r.Entries {
		got[e.MemberID] = e.From + ">" + e.To + " " + e.Outcome
	}
	want := map[uint64]string{keep.ID: "partner>partner keep", down.ID: "ace>partner down", lapse.ID: "partner>none lapse", rise.ID: "partner>ace rise"}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("member %d: %q, want %q", id, got[id], w)
		}
	}
	if r.Blocked.Code != "renewal_early" || r.Counts["keep"] != 1 || r.Counts["lapse"] != 1 {
		t.Errorf("preview in November: blocked %q, counts %v", r.Blocked.Code, r.Counts)
	}
	if _, err := p.svc.Levels.ConfirmRenewal(2026); reasonOf(err) != "renewal_early" {
		t.Errorf("confirm in November: err = %v, want renewal_early", err)
	}
	p.on("2026-12-31")
	if _, err := p.svc.Levels.ConfirmRenewal(2026); err != nil {
		t.Fatal(err)
	}
	if _, err := p.svc.Levels.ConfirmRenewal(2026); reasonOf(err) != "renewal_confirmed" {
		t.Errorf("confirm twice: err = %v, want renewal_confirmed", err)
	}
	held := map[uint64]string{}
	hs, _ := p.svc.Levels.Holders(2027)
	for _, h := range hs {
		held[h.MemberID] = h.Level
	}
	wantHeld := map[uint64]string{keep.ID: "partner", down.ID: "partner", rise.ID: "ace"}
	if len(held) != len(wantHeld) || held[keep.ID] != "partner" || held[down.ID] != "partner" || held[rise.ID] != "ace" {
		t.Errorf("held in 2027 = %v, want %v", held, wantHeld)
	}

	// A correction is a decision with a reason: the lapsed member keeps Partner.
	if _, err := p.svc.Decisions.Create(app.Decision{Kind: app.DecisionCorrection, MemberID: lapse.ID, Year: 2027, Level: "partner", Reason: "2026 年贡献漏录，补录后达标"}); err != nil {
		t.Fatal(err)
	}
	// A holder with nothing yet in 2027 is listed in its standings, at 0 points.
	if row := p.standing(2027, lapse.ID); row.Held != "partner" || row.Points != 0 {
		t.Errorf("2027 standing of %d = %+v, want held partner at 0 points", lapse.ID, row)
	}
	hs, _ = p.svc.Levels.Holders(2027)
	found := false
	for _, h := range hs {
		found = found || (h.MemberID == lapse.ID && h.Level == "partner" && h.Source != "")
	}
	if !found {
		t.Errorf("correction did not set the holding: %+v", hs)
	}
}

// Today follows the hub's clock: what a new event is dated on any device.
func TestTodayIsTheHubsDate(t *testing.T) {
	p := newProgram(t)
	for _, day := range []string{"2026-03-14", "2026-12-31", "2027-01-01"} {
		p.on(day)
		if got := p.svc.System.Today(); got != day {
			t.Errorf("on %s Today() = %s", day, got)
		}
	}
}
