package app

import (
	"strconv"
	"strings"

	"acedesk/app/badge"
)

// OpenBadge exports an issued certificate as a signed Open Badges 3.0
// credential (JSON) the holder can keep in any badge wallet. A revoked
// certificate is refused, as printing refuses it: a credential carries no
// status a verifier could check offline, since the chapter runs no
// status-list server, so a revoked one must not leave the desk at all.
func (s *CertificateService) OpenBadge(serial string) (FileResult, error) {
	c, err := s.unrevoked(serial)
	if err != nil {
		return FileResult{}, err
	}
	setup, err := s.Setup()
	if err != nil {
		return FileResult{}, err
	}
	key, _, err := s.trust.chapterKey()
	if err != nil {
		return FileResult{}, err
	}
	data, err := badge.Issue(awardOf(c, setup), key, c.CreatedAt)
	if err != nil {
		return FileResult{}, err
	}
	return FileResult{Name: c.Serial + ".openbadge.json", Data: data}, nil
}

// unrevoked loads an issued certificate that is not revoked: the only
// kind that is printed or exported.
func (s *CertificateService) unrevoked(serial string) (Certificate, error) {
	c, ok, err := s.repo.GetCertificate(serial)
	switch {
	case err != nil:
		return Certificate{}, err
	case !ok:
		return Certificate{}, Errorf(CodeNotFound, "certificate_not_found", "no certificate %s", serial).WithParams("serial", serial)
	case c.Revoked:
		return Certificate{}, Errorf(CodeConflict, "certificate_revoked", "certificate %s is revoked", serial).WithParams("serial", serial)
	}
	return c, nil
}

// awardOf says in Open Badges terms what the certificate says on paper,
// in Chinese with the English after it.
func awardOf(c Certificate, setup CertificateSetup) badge.Award {
	w := setup.Wording
	var zh, en, criteria, kind string
	switch c.Kind {
	case CertAppointment:
		zh, en, kind = w.AppointmentZH, w.AppointmentEN, "ext:Appointment"
		criteria = "由 PostgreSQL 分会任命的兴趣小组或城市组组长，任期一年。\n" +
			"Appointed by the PostgreSQL chapter to lead a group for one year."
	case CertThanks:
		zh, en, kind = w.ThanksZH, w.ThanksEN, "Award"
		criteria = "在分会活动上发表经审核的技术演讲。\nGave a reviewed technical talk at a chapter event."
	default:
		zh, en, kind = w.HonorZH, w.HonorEN, "Award"
		criteria = "依据 PostgreSQL ACE 荣誉体系授予：以年度贡献积分达到级别门槛，或由分会邀请、决议授予。\n" +
			"Awarded under the PostgreSQL ACE honor program: a year's contribution points reaching the level's threshold, " +
			"or an invitation or decision of the chapter."
	}
	holder := c.Name
	if c.NameLatin != "" {
		holder += " (" + c.NameLatin + ")"
	}
	title := bilingual(c.Title, c.TitleEN)
	return badge.Award{
		Key:               c.Serial,
		Name:              title + " — " + holder,
		Description:       bilingual(c.fill(zh, false), c.fill(en, true)),
		IssuerName:        setup.IssuerZH,
		IssuerDescription: setup.IssuerEN,
		IssuedOn:          c.IssuedOn,
		Holder:            holder,
		HolderKey:         strconv.FormatUint(c.MemberID, 10),
		Achievement: badge.AchievementInfo{
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
