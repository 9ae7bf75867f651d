package service_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"acedesk/app"
	"acedesk/app/service"
)

// held is the ledger of year as "name level source", sorted.
func (p *program) held(year int) []string {
	p.t.Helper()
	rows, err := p.svc.Levels.Holders(year)
	if err != nil {
		p.t.Fatal(err)
	}
	out := []string{}
	for _, r := range rows {
		out = append(out, r.Name+" "+r.Level+" "+r.Source)
	}
	slices.Sort(out)
	return out
}

// publish publishes a batch on its day and returns its entries as
// "name kind level[ late]".
func (p *program) publish(id, on string) []string {
	p.t.Helper()
	p.on(on)
	b, err := p.svc.Levels.PublishBatch(id)
	if err != nil {
		p.t.Fatalf("publish %s on %s: %v", id, on, err)
	}
	return entries(b)
}

func entries(b app.Batch) []string {
	out := []string{}
	for _, e := range b.Entries {
		line := e.Name + " " + e.Kind + " " + e.Level
		if e.Late {
			line += " late"
		}
		out = append(out, line)
	}
	slices.Sort(out)
	return out
}

func (p *program) decide(d app.Decision) app.Decision {
	p.t.Helper()
	out, err := p.svc.Decisions.Create(d)
	if err != nil {
		p.t.Fatal(err)
	}
	return out
}

func (p *program) confirm(year int, on string) app.Renewal {
	p.t.Helper()
	p.on(on)
	r, err := p.svc.Levels.ConfirmRenewal(year)
	if err != nil {
		p.t.Fatalf("confirm %d on %s: %v", year, on, err)
	}
	return r
}

// TestTheLedgerInTheCasesThatWentWrong replays, on a fixed clock, each case
// the chapter saw go wrong before the ledger, and checks who holds what.
func TestTheLedgerInTheCasesThatWentWrong(t *testing.T) {
	for _, tc := range []struct {
		name string
		// run plays the case and returns what it checks, "what: got".
		run  func(p *program) []string
		want []string
	}{
		{"Partner in Q1, 600 points by May: an upgrade in Q2, ACE for the next year", func(p *program) []string {
			m := p.member("王喆")
			p.approved(m.ID, "talk_regional", "2025-02-10")
			q1 := p.publish("2025-Q1", "2025-03-31")
			p.approved(m.ID, "talk_conference", "2025-05-06")
			q2 := p.publish("2025-Q2", "2025-06-30")
			p.confirm(2025, "2025-12-31")
			return []string{fmt.Sprint("Q1: ", q1), fmt.Sprint("Q2: ", q2), fmt.Sprint("2025: ", p.held(2025)), fmt.Sprint("2026: ", p.held(2026))}
		}, []string{"Q1: [王喆 new partner]", "Q2: [王喆 upgrade ace]", "2025: [王喆 ace batch:2025-Q2]", "2026: [王喆 ace renewal:2025]"}},

		{"a lead promoted to ACE holds ACE that year and the next", func(p *program) []string {
			lead := p.member("林堃")
			g := p.group("industry", "金融行业组", app.GroupTerm{Year: 2025, LeadID: lead.ID})
			p.on("2025-02-01")
			p.decide(app.Decision{Kind: app.DecisionPromotion, MemberID: lead.ID, Year: 2025, GroupID: g.ID, Reason: "行业报告质量高"})
			q1 := p.publish("2025-Q1", "2025-03-31")
			p.confirm(2025, "2025-12-31")
			return []string{fmt.Sprint("Q1: ", q1), fmt.Sprint("2026: ", p.held(2026))}
		}, []string{"Q1: [林堃 new ace]", "2026: [林堃 ace renewal:2025]"}},

		{"an invitation and a grant in a member's first year: that year's batch and the next year's renewal", func(p *program) []string {
			invited, granted := p.member("周翀"), p.member("吴桐")
			p.on("2025-05-10")
			p.decide(app.Decision{Kind: app.DecisionInvitation, MemberID: invited.ID, Year: 2025, Reason: "PostgreSQL 核心贡献者"})
			p.decide(app.Decision{Kind: app.DecisionSpecialGrant, MemberID: granted.ID, Year: 2025, Level: "ace", Reason: "中文文档翻译"})
			q2 := p.publish("2025-Q2", "2025-06-30")
			p.confirm(2025, "2025-12-31")
			return []string{fmt.Sprint("Q2: ", q2), fmt.Sprint("2026: ", p.held(2026))}
		}, []string{"Q2: [吴桐 new ace 周翀 new director]", "2026: [吴桐 ace renewal:2025 周翀 director renewal:2025]"}},

		{"a back-dated talk, a late approval and a lead appointed in August, after their quarters were published", func(p *program) []string {
			first, backdated, approvedLate, lead := p.member("蒋一"), p.member("赵敏"), p.member("钱进"), p.member("孙丽")
			p.approved(first.ID, "talk_regional", "2025-01-10")
			p.on("2025-03-01")
			pending, err := p.svc.Contributions.Create(app.Contribution{MemberID: approvedLate.ID, Kind: "talk_regional", Date: "2025-02-20"})
			if err != nil {
				p.t.Fatal(err)
			}
			q1 := p.publish("2025-Q1", "2025-03-31")
			p.on("2025-05-02")
			p.approved(backdated.ID, "talk_regional", "2025-02-15")
			if _, err := p.svc.Contributions.Approve(pending.ID, pending.Version); err != nil {
				p.t.Fatal(err)
			}
			q2 := p.publish("2025-Q2", "2025-06-30")
			p.on("2025-09-12")
			p.group("regional", "苏州用户组", app.GroupTerm{Year: 2025, LeadID: lead.ID, LeadSince: "2025-08-01"})
			q3 := p.publish("2025-Q3", "2025-09-30")
			return []string{fmt.Sprint("Q1: ", q1), fmt.Sprint("Q2: ", q2), fmt.Sprint("Q3: ", q3)}
		}, []string{"Q1: [蒋一 new partner]", "Q2: [赵敏 new partner late 钱进 new partner late]", "Q3: [孙丽 new partner]"}},

		{"a record after Q4 goes into a supplementary batch, once", func(p *program) []string {
			m, other := p.member("郑和"), p.member("冯远")
			p.approved(other.ID, "talk_regional", "2025-10-01")
			p.publish("2025-Q4", "2025-12-31")
			p.on("2026-01-05")
			p.approved(m.ID, "talk_regional", "2025-11-11")
			s1 := p.publish("2025-S1", "2026-01-05")
			next, err := p.svc.Levels.Batch("2025-S2")
			if err != nil {
				p.t.Fatal(err)
			}
			return []string{fmt.Sprint("S1: ", s1), fmt.Sprintf("S2: %v %s", entries(next), next.Blocked.Code), fmt.Sprint("2025: ", p.held(2025))}
		}, []string{"S1: [郑和 new partner late]", "S2: [] batch_empty", "2025: [冯远 partner batch:2025-Q4 郑和 partner batch:2025-S1]"}},

		{"the renewal confirms from 31 December, and December's work counts", func(p *program) []string {
			m := p.member("陈静")
			p.approved(m.ID, "talk_regional", "2025-01-20")
			p.publish("2025-Q1", "2025-03-31")
			p.on("2025-12-01")
			_, early := p.svc.Levels.ConfirmRenewal(2025)
			p.on("2025-12-28")
			p.approved(m.ID, "talk_regional", "2025-12-20")
			p.approved(m.ID, "talk_regional", "2025-12-28")
			r := p.confirm(2025, "2025-12-31")
			return []string{"1 December: " + reasonOf(early), fmt.Sprintf("outcome: %s %d", r.Entries[0].Outcome, r.Entries[0].Points), fmt.Sprint("2026: ", p.held(2026))}
		}, []string{"1 December: renewal_early", "outcome: rise 600", "2026: [陈静 ace renewal:2025]"}},

		{"after the renewal, the year's holders are all still there", func(p *program) []string {
			ace, partner := p.member("王喆"), p.member("李玥")
			p.approved(ace.ID, "talk_conference", "2026-02-01")
			p.approved(ace.ID, "talk_regional", "2026-02-02")
			p.approved(partner.ID, "talk_regional", "2026-02-01")
			p.publish("2026-Q1", "2026-03-31")
			p.on("2026-12-10")
			e, err := p.svc.Events.Save(app.Event{Name: "杭州 PG 沙龙", Kind: app.EventCityMeetup, Date: "2026-12-20", City: "杭州"})
			if err != nil {
				p.t.Fatal(err)
			}
			for _, m := range []app.Member{ace, partner} {
				if _, err := p.svc.Attendees.Register(e.ID, m.ID); err != nil {
					p.t.Fatal(err)
				}
			}
			lists := func() string {
				wall, err1 := p.svc.Benefits.List(service.ListImageWall, 2026)
				advisory, err2 := p.svc.Benefits.List(service.ListAdvisory, 2026)
				front, err3 := p.svc.Attendees.FrontRow(e.ID)
				if err := cmpErr(err1, err2, err3); err != nil {
					p.t.Fatal(err)
				}
				return fmt.Sprintf("wall %d, advisory %d, front row %d, holders %v", len(wall), len(advisory), len(front), p.held(2026))
			}
			before := lists()
			p.confirm(2026, "2026-12-31")
			next, err := p.svc.Levels.Batch("2026-Q2")
			if err != nil {
				p.t.Fatal(err)
			}
			return []string{"before: " + before, "after: " + lists(), fmt.Sprint("Q2 preview: ", entries(next))}
		}, []string{
			"before: wall 2, advisory 1, front row 2, holders [李玥 partner batch:2026-Q1 王喆 ace batch:2026-Q1]",
			"after: wall 2, advisory 1, front row 2, holders [李玥 partner batch:2026-Q1 王喆 ace batch:2026-Q1]",
			"Q2 preview: []",
		}},

		{"confirming the renewal and then publishing Q4 lists no renewed holder as new", func(p *program) []string {
			old, fresh := p.member("周翀"), p.member("吴桐")
			p.approved(old.ID, "talk_regional", "2025-03-01")
			p.publish("2025-Q1", "2025-03-31")
			p.confirm(2025, "2025-12-31")
			p.approved(old.ID, "talk_regional", "2026-02-01")
			p.approved(fresh.ID, "talk_regional", "2026-11-01")
			p.confirm(2026, "2026-12-31")
			q4 := p.publish("2026-Q4", "2026-12-31")
			return []string{fmt.Sprint("Q4: ", q4), fmt.Sprint("2027: ", p.held(2027))}
		}, []string{"Q4: [吴桐 new partner]", "2027: [吴桐 partner renewal:2026 周翀 partner renewal:2026]"}},

		{"a special grant never gives Director", func(p *program) []string {
			m := p.member("冯远")
			_, err := p.svc.Decisions.Create(app.Decision{Kind: app.DecisionSpecialGrant, MemberID: m.ID, Year: 2026, Level: "director", Reason: "贡献突出"})
			return []string{"grant director: " + strings.Join(slices.Sorted(maps.Values(app.AsError(err).Fields)), ",")}
		}, []string{"grant director: grant_level"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newProgram(t)
			if got := tc.run(p); !slices.Equal(got, tc.want) {
				t.Errorf("\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func cmpErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
