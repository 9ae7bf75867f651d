package service_test

import (
	"testing"

	"acedesk/app"
)

// An approved contribution can be corrected or its approval withdrawn, each
// with a reason the audit keeps; the standings follow, and what the audit
// refused changed nothing.
func TestApprovedContributionsAreCorrectedWithAReason(t *testing.T) {
	svc, _ := newServices(t)
	m, _ := svc.Members.Create(app.Member{Name: "赵玥", Phone: "13800000001"})
	talk, err := svc.Contributions.Create(app.Contribution{MemberID: m.ID, Kind: "talk_regional", Date: "2026-04-10", Title: "分区表"})
	if err != nil {
		t.Fatal(err)
	}
	if talk, err = svc.Contributions.Approve(talk.ID, talk.Version); err != nil {
		t.Fatal(err)
	}
	points := func() (string, int) {
		r := standingOf(t, svc, 2026, m.ID)
		return r.Level, r.Points
	}
	if level, pts := points(); level != "partner" || pts != 200 {
		t.Fatalf("approved regional talk: %s, %d points; want partner, 200", level, pts)
	}

	// It was a PG.Live stream: without a reason the change is refused.
	live := talk
	live.Kind = "talk_live"
	_, err = svc.Contributions.Update(live, "  ")
	if e := app.AsError(err); e == nil || e.Fields["reason"] != "required" {
		t.Fatalf("correcting an approved contribution without a reason: err = %v, want reason required", err)
	}
	if level, pts := points(); level != "partner" || pts != 200 {
		t.Errorf("after a refused correction: %s, %d points; want partner, 200", level, pts)
	}
	corrected, err := svc.Contributions.Update(live, "是 PG.Live 直播，不是峰会演讲")
	if err != nil {
		t.Fatal(err)
	}
	if corrected.Kind != "talk_live" || corrected.Status != app.StatusApproved || corrected.Version != talk.Version+1 {
		t.Errorf("corrected = %s, %s, v%d; want talk_live, approved, v%d", corrected.Kind, corrected.Status, corrected.Version, talk.Version+1)
	}
	if level, pts := points(); level != "none" || pts != 50 {
		t.Errorf("after the correction: %s, %d points; want none, 50", level, pts)
	}

	// Saving it unchanged writes nothing, and needs no reason.
	if same, err := svc.Contributions.Update(corrected, ""); err != nil || same.Version != corrected.Version {
		t.Errorf("unchanged save: v%d, %v; want v%d and no error", same.Version, err, corrected.Version)
	}

	// An approved contribution is not deleted: its approval is withdrawn first.
	if err := svc.Contributions.Delete(corrected.ID, corrected.Version); app.AsError(err).Reason != "contribution_approved" {
		t.Errorf("deleting an approved contribution: %v, want contribution_approved", err)
	}
	if _, err := svc.Contributions.Withdraw(corrected.ID, corrected.Version, ""); app.AsError(err).Fields["reason"] != "required" {
		t.Errorf("withdrawing without a reason: %v, want reason required", err)
	}
	withdrawn, err := svc.Contributions.Withdraw(corrected.ID, corrected.Version, "直播回放未上线，暂不计分")
	if err != nil {
		t.Fatal(err)
	}
	if withdrawn.Status != app.StatusPending {
		t.Errorf("withdrawn status = %s, want pending", withdrawn.Status)
	}
	if level, pts := points(); level != "none" || pts != 0 {
		t.Errorf("after the withdrawal: %s, %d points; want none, 0", level, pts)
	}
	if _, err := svc.Contributions.Withdraw(withdrawn.ID, withdrawn.Version, "再撤一次"); app.AsError(err).Reason != "contribution_pending" {
		t.Errorf("withdrawing a pending contribution: %v, want contribution_pending", err)
	}
	// A pending one is edited without a reason, and then may be deleted.
	retitled := withdrawn
	retitled.Title = "分区表实践"
	if retitled, err = svc.Contributions.Update(retitled, ""); err != nil {
		t.Fatal(err)
	}

	history, err := svc.Contributions.History(talk.ID)
	if err != nil {
		t.Fatal(err)
	}
	type step struct{ action, reason string }
	want := []step{
		{app.ActionCreate, ""},
		{app.StatusApproved, ""},
		{app.ActionUpdate, "是 PG.Live 直播，不是峰会演讲"},
		{app.ActionWithdraw, "直播回放未上线，暂不计分"},
		{app.ActionUpdate, ""},
	}
	var got []step
	for _, e := range history {
		got = append(got, step{e.Action, e.Reason})
	}
	if len(got) != len(want) {
		t.Fatalf("history = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("history[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
	if history[2].Actor != "lead" {
		t.Errorf("the correction's actor = %q, want the operator", history[2].Actor)
	}
	if err := svc.Contributions.Delete(retitled.ID, retitled.Version); err != nil {
		t.Errorf("deleting a pending contribution: %v", err)
	}
}

// What an event's talk made keeps the event's member, kind, date and title, and its
// status changes only by a decision, whatever the edit sends.
func TestContributionUpdateKeepsWhatItDoesNotDecide(t *testing.T) {
	svc, _ := newServices(t)
	speaker, _ := svc.Members.Create(app.Member{Name: "王喆", Phone: "13800000002"})
	other, _ := svc.Members.Create(app.Member{Name: "李堃", Phone: "13800000003"})
	e, err := svc.Events.Save(app.Event{Name: "技术峰会全国行·杭州站", Kind: "regional_summit", Date: "2026-05-20",
		Talks: []app.Talk{{MemberID: speaker.ID, Title: "分区表"}}})
	if err != nil {
		t.Fatal(err)
	}
	talk, err := svc.Contributions.Approve(e.Talks[0].ContributionID, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		change func(c *app.Contribution)
	}{
		{"member", func(c *app.Contribution) { c.MemberID = other.ID }},
		{"date", func(c *app.Contribution) { c.Date = "2026-05-21" }},
		{"kind", func(c *app.Contribution) { c.Kind = "talk_live" }},
		{"title", func(c *app.Contribution) { c.Title = "分区表实践" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := talk
			tc.change(&in)
			if _, err := svc.Contributions.Update(in, "更正"); app.AsError(err).Reason != "contribution_of_event" {
				t.Errorf("changing the event's %s: %v, want contribution_of_event", tc.name, err)
			}
		})
	}
	in := talk
	in.Evidence, in.Status, in.EventID = "https://example.com/slides.pdf", app.StatusRejected, 0
	got, err := svc.Contributions.Update(in, "补上讲稿链接")
	if err != nil {
		t.Fatal(err)
	}
	if got.Evidence != in.Evidence || got.Status != app.StatusApproved || got.EventID != e.ID {
		t.Errorf("after the edit: %q, %s, event %d; want the link, still approved, event %d", got.Evidence, got.Status, got.EventID, e.ID)
	}
}
