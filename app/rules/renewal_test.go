package rules

import (
	"fmt"
	"reflect"
	"testing"
)

func TestRenewal(t *testing.T) {
	ace520 := func(m uint64) []Contribution {
		return []Contribution{approved(m, "talk_conference", "2026-02-01"), approved(m, "talk_live", "2026-03-01"),
			approved(m, "talk_live", "2026-04-01"), approved(m, "article", "2026-05-01")}
	}
	var contribs []Contribution
	contribs = append(contribs, ace520(1)...)
	contribs = append(contribs, ace520(2)...)
	contribs = append(contribs, approved(3, "university_event", "2026-02-01"), approved(3, "talk_live", "2026-03-01"), approved(3, "talk_live", "2026-04-01"))
	contribs = append(contribs, approved(4, "talk_live", "2026-02-01"), approved(4, "talk_live", "2026-03-01"), approved(4, "talk_live", "2026-04-01"),
		approved(4, "article", "2026-05-01"), approved(4, "article", "2026-06-01"))
	contribs = append(contribs, ace520(7)...)
	contribs = append(contribs, withStatus(approved(8, "article", "2026-02-01"), StatusPending))
	contribs = append(contribs, ace520(10)...)
	contribs = append(contribs, ace520(12)...)
	roles := []Role{
		role(6, RoleInvitation, "", "2026-01-01"),
		{MemberID: 8, Year: 2025, Kind: RoleInvitation}, // last year's invitation does not carry over
		role(9, RoleGroupLead, "杭州用户组", "2026-01-01"),
	}
	current := []Holding{
		{12, LevelPartner}, {1, LevelACE}, {2, LevelPartner}, {3, LevelACE}, {4, LevelPartner}, {5, LevelPartner},
		{6, LevelDirector}, {7, LevelDirector}, {8, LevelDirector}, {9, LevelPartner}, {11, LevelNone},
		{12, LevelACE}, {12, LevelPartner},
	}
	got := []string{}
	for _, e := range Renewal(standingsOf(contribs, roles), current) {
		got = append(got, fmt.Sprintf("%d %s→%s %s %s", e.MemberID, e.From, e.To, e.Outcome, e.Reason.Code))
	}
	want := []string{
		"1 ace→ace keep points_ace",
		"2 partner→ace rise points_ace",
		"3 ace→partner down points_partner",
		"4 partner→none lapse points_short",
		"5 partner→none lapse no_standing",
		"6 director→director keep invitation",
		"7 director→ace down points_ace",
		"8 director→none lapse points_short",
		"9 partner→partner keep group_lead",
		"10 none→ace new points_ace",
		"12 ace→ace keep points_ace",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestRenewalReasonTexts(t *testing.T) {
	contribs := []Contribution{
		approved(1, "university_event", "2026-02-01"), approved(1, "talk_live", "2026-03-01"), approved(1, "talk_live", "2026-04-01"),
		approved(2, "talk_live", "2026-02-01"), approved(2, "talk_live", "2026-03-01"), approved(2, "talk_live", "2026-04-01"), approved(2, "article", "2026-05-01"),
	}
	entries := Renewal(standingsOf(contribs, nil), []Holding{{1, LevelACE}, {2, LevelPartner}, {3, LevelACE}})
	want := []RenewalEntry{
		{1, LevelACE, LevelPartner, RenewalDown, Reason{"points_partner", map[string]string{"points": "300", "threshold": "200"}, "300 分 ≥ 200：PostgreSQL ACE 伙伴"}},
		{2, LevelPartner, LevelNone, RenewalLapse, Reason{"points_short", map[string]string{"points": "170", "threshold": "200", "missing": "30"}, "170 分，还差 30 分达到 PostgreSQL ACE 伙伴"}},
		{3, LevelACE, LevelNone, RenewalLapse, Reason{"no_standing", map[string]string{}, "本年度没有贡献或角色记录"}},
	}
	if !reflect.DeepEqual(entries, want) {
		t.Errorf("got\n%+v\nwant\n%+v", entries, want)
	}
}

func TestRenewalOutcome(t *testing.T) {
	for _, tc := range []struct {
		from, to Level
		want     RenewalOutcome
	}{
		{LevelPartner, LevelPartner, RenewalKeep},
		{LevelDirector, LevelDirector, RenewalKeep},
		{LevelPartner, LevelACE, RenewalRise},
		{LevelACE, LevelDirector, RenewalRise},
		{LevelDirector, LevelPartner, RenewalDown},
		{LevelACE, LevelPartner, RenewalDown},
		{LevelPartner, LevelNone, RenewalLapse},
		{LevelDirector, LevelNone, RenewalLapse},
		{LevelNone, LevelPartner, RenewalNew},
	} {
		if got := outcome(tc.from, tc.to); got != tc.want {
			t.Errorf("outcome(%s, %s) = %s, want %s", tc.from, tc.to, got, tc.want)
		}
	}
}
