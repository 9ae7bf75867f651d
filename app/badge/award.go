package badge

import (
	"crypto/ed25519"
	"strconv"
	"strings"

	"acedesk/app"
)

// Issuer is app.BadgeIssuer.
type Issuer struct{}

// OpenBadge is the certificate as a signed credential, dated when the
// certificate was first issued.
func (Issuer) OpenBadge(c app.Certificate, setup app.CertificateSetup, key ed25519.PrivateKey) ([]byte, error) {
	return Issue(awardOf(c, setup), key, c.CreatedAt)
}

// awardOf says in Open Badges terms what the certificate says on paper,
// in Chinese with the English after it.
func awardOf(c app.Certificate, setup app.CertificateSetup) Award {
	w := setup.Wording
	var zh, en, criteria, kind string
	switch c.Kind {
	case app.CertAppointment:
		zh, en, kind = w.AppointmentZH, w.AppointmentEN, "ext:Appointment"
		criteria = "由 PostgreSQL 分会任命的兴趣小组或城市组组长，任期一年。\n" +
			"Appointed by the PostgreSQL chapter to lead a group for one year."
	case app.CertThanks:
		zh, en, kind = w.ThanksZH, w.ThanksEN, "Award"
		criteria = "在分会活动上发表经审核的技术演讲。\nGave a reviewed technical talk at a chapter event."
	default:
		zh, en, kind = w.HonorZH, w.HonorEN, "Award"
		criteria = "依据 PostgreSQL ACE 贡献者荣誉体系授予：以年度贡献积分达到级别门槛，或由分会邀请、决议授予。\n" +
			"Awarded under the PostgreSQL ACE contributor honor program: a year's contribution points reaching the level's threshold, " +
			"or an invitation or decision of the chapter."
	}
	holder := c.Name
	if c.NameLatin != "" {
		holder += " (" + c.NameLatin + ")"
	}
	title := bilingual(c.Title, c.TitleEN)
	return Award{
		Key:               c.Serial,
		Name:              title + " — " + holder,
		Description:       bilingual(c.Fill(zh, false), c.Fill(en, true)),
		IssuerName:        setup.IssuerZH,
		IssuerDescription: setup.IssuerEN,
		IssuedOn:          c.IssuedOn,
		Holder:            holder,
		HolderKey:         strconv.FormatUint(c.MemberID, 10),
		Achievement: AchievementInfo{
			Key:         c.Kind + "/" + c.Level + "/" + c.Title + "/" + c.Detail,
			Name:        title,
			Description: strings.TrimSuffix(title+" · "+c.Detail, " · "),
			Criteria:    criteria,
			Type:        kind,
		},
	}
}

// bilingual joins the Chinese and English texts, dropping an empty or
// repeated one.
func bilingual(zh, en string) string {
	zh, en = strings.TrimSpace(zh), strings.TrimSpace(en)
	switch {
	case en == "" || en == zh:
		return zh
	case zh == "":
		return en
	}
	return zh + " / " + en
}
