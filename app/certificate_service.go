package app

import (
	"slices"
	"strconv"
	"strings"

	"acedesk/app/pdf"
	"acedesk/app/rules"
	"acedesk/app/sign"
)

// CertificateRepository keeps issued certificates and the chapter's setup.
type CertificateRepository interface {
	// IssueCertificates stores the certificates not issued before (numbered
	// for chapter, signed by sign) and counts a reprint of the others, in
	// one transaction; it returns them as stored, in order.
	IssueCertificates(certs []Certificate, chapter string, sign func(Certificate) (string, error), ch Change) ([]Certificate, error)
	GetCertificate(serial string) (Certificate, bool, error)
	Certificates() ([]Certificate, error)
	RevokeCertificate(serial, reason string, ch Change) (Certificate, error)
	GetCertificateSetup() (CertificateSetup, bool, error)
	SaveCertificateSetup(s CertificateSetup, ch Change) (CertificateSetup, error)
}

// CertificateService issues, lists and revokes certificates. Issuing the
// same certificate again returns the same serial and counts a reprint.
type CertificateService struct {
	repo     Repository
	settings *SettingsService
	levels   *LevelService
	trust    *TrustService
	jobs     *Jobs
	renderer func() (*pdf.Renderer, error)
}

// Setup returns the chapter's certificate setup, or the defaults.
func (s *CertificateService) Setup() (CertificateSetup, error) {
	got, ok, err := s.repo.GetCertificateSetup()
	if err != nil || !ok {
		return DefaultCertificateSetup(), err
	}
	return got, nil
}

// SaveSetup validates and stores the setup.
func (s *CertificateService) SaveSetup(in CertificateSetup) (CertificateSetup, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return CertificateSetup{}, err
	}
	c, err := s.settings.change()
	if err != nil {
		return CertificateSetup{}, err
	}
	return s.repo.SaveCertificateSetup(in, c)
}

// List returns every certificate, newest first.
func (s *CertificateService) List() ([]Certificate, error) {
	all, err := s.repo.Certificates()
	slices.Reverse(all)
	return all, err
}

// Revoke withdraws a certificate; verification reports it as revoked.
func (s *CertificateService) Revoke(serial, reason string) (Certificate, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return Certificate{}, &Error{Code: CodeInvalid, Reason: "fields", Message: "a revocation needs a reason",
			Fields: map[string]string{"reason": "required"}}
	}
	c, err := s.settings.change()
	if err != nil {
		return Certificate{}, err
	}
	return s.repo.RevokeCertificate(serial, reason, c)
}

// Revocation says whether serial was issued, by whom and whether it is
// revoked.
func (s *CertificateService) Revocation(serial string) (IssuedCertificate, error) {
	c, ok, err := s.repo.GetCertificate(serial)
	if err != nil || !ok {
		return IssuedCertificate{}, err
	}
	chapter, err := s.repo.CertificateChapter(serial)
	return IssuedCertificate{Issued: true, Revoked: c.Revoked, RevokedReason: c.RevokedReason, Chapter: chapter}, err
}

// ForBatch issues the honor certificates of a published batch.
func (s *CertificateService) ForBatch(id string) ([]Certificate, error) { return s.forBatch(id, 0) }

// forBatch issues those of one member of the batch, or of all at member 0.
func (s *CertificateService) forBatch(id string, member uint64) ([]Certificate, error) {
	b, err := s.levels.Batch(id)
	if err != nil {
		return nil, err
	}
	if !b.Published {
		return nil, Errorf(CodeConflict, "batch_unpublished", "batch %s is not published: publish it first", b.ID).WithParams("batch", b.ID)
	}
	certs := make([]Certificate, 0, len(b.Entries))
	for _, e := range b.Entries {
		certs = append(certs, honor(e.MemberID, e.Level, b.Year, "batch:"+b.ID))
	}
	return s.issue(only(certs, member))
}

// ForRenewal issues the honor certificates of a confirmed renewal's
// holders for the next year (those who keep, rise or move down).
func (s *CertificateService) ForRenewal(year int) ([]Certificate, error) {
	return s.forRenewal(year, 0)
}

func (s *CertificateService) forRenewal(year int, member uint64) ([]Certificate, error) {
	r, err := s.levels.Renewal(year)
	if err != nil {
		return nil, err
	}
	if !r.Confirmed {
		return nil, Errorf(CodeConflict, "renewal_unconfirmed", "the renewal of %d is not confirmed", year).WithParams("year", strconv.Itoa(year))
	}
	var certs []Certificate
	for _, e := range r.Entries {
		if e.Outcome != string(rules.RenewalLapse) {
			certs = append(certs, honor(e.MemberID, e.To, year+1, "renewal:"+strconv.Itoa(year)))
		}
	}
	return s.issue(only(certs, member))
}

func honor(member uint64, level string, year int, source string) Certificate {
	l := rules.Level(level)
	return Certificate{Kind: CertHonor, MemberID: member, Level: level, Title: l.LabelZH(), TitleEN: l.LabelEN(), Year: year, Source: source}
}

// ForLead issues the appointment letter of a group's lead for a year.
func (s *CertificateService) ForLead(groupID uint64, year int) ([]Certificate, error) {
	g, err := s.repo.GetGroup(groupID)
	if err != nil {
		return nil, err
	}
	t, ok := g.Term(year)
	if !ok || t.LeadID == 0 {
		return nil, Errorf(CodeConflict, "group_no_lead", "%s has no lead in %d", g.Name, year).WithParams("group", g.Name, "year", strconv.Itoa(year))
	}
	return s.issue([]Certificate{appointment(g, t.LeadID, year)})
}

// ForLeads issues the appointment letters of every group's lead in year.
func (s *CertificateService) ForLeads(year int) ([]Certificate, error) {
	groups, err := s.repo.Groups()
	if err != nil {
		return nil, err
	}
	var certs []Certificate
	for _, g := range groups {
		if t, ok := g.Term(year); ok && t.LeadID != 0 {
			certs = append(certs, appointment(g, t.LeadID, year))
		}
	}
	if len(certs) == 0 {
		return nil, Errorf(CodeConflict, "no_leads", "no group has a lead in %d", year).WithParams("year", strconv.Itoa(year))
	}
	return s.issue(certs)
}

func appointment(g Group, lead uint64, year int) Certificate {
	return Certificate{Kind: CertAppointment, MemberID: lead, Title: g.Name + "组长", TitleEN: "Lead, " + g.Name,
		Detail: g.Name, Year: year, Source: "group:" + strconv.FormatUint(g.ID, 10) + ":" + strconv.Itoa(year)}
}

// ForEvent issues a thanks certificate to each speaker of an event, one
// per speaker with all their talks.
func (s *CertificateService) ForEvent(eventID uint64) ([]Certificate, error) {
	return s.forEvent(eventID, 0)
}

func (s *CertificateService) forEvent(eventID, member uint64) ([]Certificate, error) {
	e, err := s.repo.GetEvent(eventID)
	if err != nil {
		return nil, err
	}
	titles := map[uint64][]string{}
	var speakers []uint64
	for _, t := range e.Talks {
		if _, seen := titles[t.MemberID]; !seen {
			speakers = append(speakers, t.MemberID)
		}
		titles[t.MemberID] = append(titles[t.MemberID], t.Title)
	}
	if len(speakers) == 0 {
		return nil, Errorf(CodeConflict, "event_no_talks", "%s has no talks", e.Name).WithParams("event", e.Name)
	}
	certs := make([]Certificate, 0, len(speakers))
	for _, m := range speakers {
		title := strings.Join(titles[m], "》《")
		certs = append(certs, Certificate{Kind: CertThanks, MemberID: m, Title: title, TitleEN: title, Detail: e.Name,
			Year: e.Year(), Source: "event:" + strconv.FormatUint(e.ID, 10)})
	}
	return s.issue(only(certs, member))
}

// only keeps the certificates of member (all of them at 0).
func only(certs []Certificate, member uint64) []Certificate {
	if member == 0 {
		return certs
	}
	return slices.DeleteFunc(certs, func(c Certificate) bool { return c.MemberID != member })
}

// ForMember issues one member's certificate of a kind: honor for the level
// they hold in year (from its batch or renewal), appointment for the group
// they lead in year, thanks for their talks at event.
func (s *CertificateService) ForMember(memberID uint64, kind string, year int, event uint64) ([]Certificate, error) {
	var certs []Certificate
	var err error
	switch kind {
	case CertHonor:
		certs, err = s.honorOf(memberID, year)
	case CertAppointment:
		certs, err = s.appointmentOf(memberID, year)
	case CertThanks:
		certs, err = s.forEvent(event, memberID)
	default:
		return nil, Errorf(CodeInvalid, "unknown_certificate_kind", "no certificate kind %q", kind).WithParams("kind", kind)
	}
	if err == nil && len(certs) == 0 {
		err = Errorf(CodeNotFound, "no_certificate_for_member", "member %d has no %s certificate for %d", memberID, kind, year).
			WithParams("kind", kind, "year", strconv.Itoa(year))
	}
	return certs, err
}

func (s *CertificateService) honorOf(memberID uint64, year int) ([]Certificate, error) {
	holdings, err := s.repo.Holdings()
	if err != nil {
		return nil, err
	}
	for _, h := range holdings {
		if h.MemberID != memberID || !h.HeldIn(year) {
			continue
		}
		if id, ok := strings.CutPrefix(h.Source, "batch:"); ok {
			return s.forBatch(id, memberID)
		}
		if y, ok := strings.CutPrefix(h.Source, "renewal:"); ok {
			n, _ := strconv.Atoi(y)
			return s.forRenewal(n, memberID)
		}
	}
	return nil, nil
}

func (s *CertificateService) appointmentOf(memberID uint64, year int) ([]Certificate, error) {
	groups, err := s.repo.Groups()
	if err != nil {
		return nil, err
	}
	for _, g := range groups {
		if t, ok := g.Term(year); ok && t.LeadID == memberID {
			return s.ForLead(g.ID, year)
		}
	}
	return nil, nil
}

// issue fills in the holders' names and the issuer, refuses names the
// font cannot print, and stores the certificates.
func (s *CertificateService) issue(certs []Certificate) ([]Certificate, error) {
	setup, err := s.Setup()
	if err != nil {
		return nil, err
	}
	ids := make([]uint64, len(certs))
	for i, c := range certs {
		ids[i] = c.MemberID
	}
	people, err := s.repo.MemberSummaries(ids)
	if err != nil {
		return nil, err
	}
	c, err := s.settings.change()
	if err != nil {
		return nil, err
	}
	today := c.At.Format(DateLayout)
	for i := range certs {
		p := people[certs[i].MemberID]
		certs[i].Name, certs[i].NameLatin, certs[i].Issuer, certs[i].IssuedOn = p.Name, p.NameLatin, setup.IssuerZH, today
	}
	if err := s.checkPrintable(certs); err != nil {
		return nil, err
	}
	// The key is loaded (made on first use, in its own transaction) before
	// the store's transaction signs with it: bbolt has one writer at a time.
	if _, _, err := s.trust.chapterKey(); err != nil {
		return nil, err
	}
	return s.repo.IssueCertificates(certs, setup.ChapterCode, s.sign, c)
}

// sign makes the QR payload of a numbered certificate: the printed fields,
// signed with the chapter's key.
func (s *CertificateService) sign(c Certificate) (string, error) {
	return s.trust.signClaims(sign.Claims{Serial: c.Serial, Name: c.Name, Title: c.Title, Year: c.Year, Issuer: c.Issuer, Date: c.IssuedOn})
}

// checkPrintable refuses, before anything is recorded or printed, a name
// or title with a character the certificate font lacks (or one beyond the
// Basic Multilingual Plane), naming the member and the characters.
func (s *CertificateService) checkPrintable(certs []Certificate) error {
	r, err := s.renderer()
	if err != nil {
		return err
	}
	for _, c := range certs {
		if err := printable(r, c.Name, c.MemberID, c.Name, c.NameLatin, c.Title, c.Detail); err != nil {
			return err
		}
	}
	return nil
}

// printable refuses texts of a member with a character the font lacks,
// naming the member and the characters.
func printable(r *pdf.Renderer, member string, id uint64, texts ...string) error {
	for _, text := range texts {
		if bad := r.Unprintable(text); len(bad) > 0 {
			return Errorf(CodeInvalid, "name_unprintable", "%s: the certificate font cannot print %q", member, string(bad)).
				WithParams("member", member, "chars", string(bad), "id", strconv.FormatUint(id, 10))
		}
	}
	return nil
}
