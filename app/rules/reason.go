package rules

import "strconv"

// Reason says why a member stands where they do. Code and Params let the
// interface word it in any language; Text is the Chinese default.
type Reason struct {
	Code   string
	Params map[string]string
	Text   string
}

// thresholds holds a year's thresholds, with their text formatted once per
// run rather than once per member.
type thresholds struct {
	partner              int
	partnerText, aceText string
}

func newThresholds(r YearRules) thresholds {
	return thresholds{
		partner:     r.PartnerThreshold,
		partnerText: strconv.Itoa(r.PartnerThreshold),
		aceText:     strconv.Itoa(r.ACEThreshold),
	}
}

// pointsReason explains the level a year's points give:
// "520 分 ≥ 500：PostgreSQL ACE", "180 分，还差 20 分达到 PostgreSQL ACE 伙伴".
func pointsReason(points int, level Level, t thresholds) Reason {
	p := strconv.Itoa(points)
	switch level {
	case LevelACE:
		return Reason{Code: "points_ace", Params: map[string]string{"points": p, "threshold": t.aceText},
			Text: p + " 分 ≥ " + t.aceText + "：" + LevelACE.LabelZH()}
	case LevelPartner:
		return Reason{Code: "points_partner", Params: map[string]string{"points": p, "threshold": t.partnerText},
			Text: p + " 分 ≥ " + t.partnerText + "：" + LevelPartner.LabelZH()}
	}
	missing := strconv.Itoa(t.partner - points)
	return Reason{Code: "points_short", Params: map[string]string{"points": p, "threshold": t.partnerText, "missing": missing},
		Text: p + " 分，还差 " + missing + " 分达到 " + LevelPartner.LabelZH()}
}

// roleReason explains the level a role gives: "杭州用户组组长：PostgreSQL ACE 伙伴".
func roleReason(r Role) Reason {
	level := r.Gives()
	params := map[string]string{"group": r.Group, "level": string(level)}
	var text string
	switch r.Kind {
	case RoleGroupLead:
		text = r.Group + "组长"
	case RolePromotedLead:
		text = r.Group + "优秀组长晋升"
	case RoleInvitation:
		text = "受邀"
	default:
		text = "特殊贡献"
		if r.Group != "" {
			text += "（" + r.Group + "）"
		}
	}
	return Reason{Code: string(r.Kind), Params: params, Text: text + "：" + level.LabelZH()}
}

// reachedByPointsReason explains a batch entry whose level came from
// points: "2026-03-05 积分达到 PostgreSQL ACE 伙伴". The year's total by
// now may be higher than on that day, so the text names the day, not a sum.
func reachedByPointsReason(level Level, on Date) Reason {
	d := on.String()
	return Reason{Code: "points_reached", Params: map[string]string{"date": d, "level": string(level)},
		Text: d + " 积分达到 " + level.LabelZH()}
}

// noStandingReason explains a lapse for a holder with nothing in the year.
func noStandingReason() Reason {
	return Reason{Code: "no_standing", Params: map[string]string{}, Text: "本年度没有贡献或角色记录"}
}
