package service

import (
	"archive/zip"
	"bytes"
	"context"
	"slices"
	"strconv"
	"strings"

	"acedesk/app"
	"acedesk/app/rules"
)

// certificateStore is what CertificateService needs of the store.
type certificateStore interface {
	// CertificateChapter is the chapter the certificate with serial was
	// merged from; "" for one issued here or none.
	CertificateChapter(serial string) (string, error)
	Certificates() ([]app.Certificate, error)
	GetCertificate(serial string) (app.Certificate, bool, error)
	GetCertificateSetup() (app.CertificateSetup, bool, error)
	GetEvent(id uint64) (app.Event, error)
	GetGroup(id uint64) (app.Group, error)
	Groups() ([]app.Group, error)
	HoldingsOf(year int, memberIDs []uint64) ([]app.Holding, error)
	// IssueCertificates stores the certificates not issued before (numbered
	// for chapter and their year, signed by sign), in one transaction; it
	// returns them all as stored, in order.
	IssueCertificates(certs []app.Certificate, chapter string, sign func(app.Certificate) (string, error), ch app.Change) ([]app.Certificate, error)
	// CountPrints counts a paper printed of each certificate.
	CountPrints(serials []string, ch app.Change) error
	// ChapterHasIssued reports whether a certificate numbered for the
	// chapter code is stored.
	ChapterHasIssued(chapter string) (bool, error)
	// MemberSummaries loads many members' summaries in one transaction;
	// missing IDs are absent.
	MemberSummaries(ids []uint64) (map[uint64]app.MemberSummary, error)
	RevokeCertificate(serial, reason string, ch app.Change) (app.Certificate, error)
	SaveCertificateSetup(s app.CertificateSetup, ch app.Change) (app.CertificateSetup, error)
}

// CertificateService issues, lists and revokes certificates. Issuing the
// same certificate again returns the same serial; only a paper printed
// again is a reprint.
type CertificateService struct {
	repo     certificateStore
	settings *SettingsService
	levels   *LevelService
	trust    *TrustService
	jobs     *Jobs
	printer  app.Printer
	badges   app.BadgeIssuer
}

// Setup returns the chapter's certificate setup, or the defaults; a
// wording still as an earlier version's default reads as today's.
func (s *CertificateService) Setup() (app.CertificateSetup, error) {
	got, ok, err := s.repo.GetCertificateSetup()
	if err != nil || !ok {
		return app.DefaultCertificateSetup(), err
	}
	got.UpgradeWording()
	return got, nil
}

// SaveSetup validates and stores the setup. The chapter code cannot
// change once a certificate carries it in its serial.
func (s *CertificateService) SaveSetup(in app.CertificateSetup) (app.CertificateSetup, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return app.CertificateSetup{}, err
	}
	old, err := s.Setup()
	if err != nil {
		return app.CertificateSetup{}, err
	}
	if old.ChapterCode != "" && in.ChapterCode != old.ChapterCode {
		issued, err := s.repo.ChapterHasIssued(old.ChapterCode)
		if err != nil {
			return app.CertificateSetup{}, err
		}
		if issued {
			return app.CertificateSetup{}, app.Errorf(app.CodeConflict, "chapter_code_locked",
				"the chapter code %s is printed on issued certificates and cannot change", old.ChapterCode).WithParams("code", old.ChapterCode)
		}
	}
	c, err := s.settings.change()
	if err != nil {
		return app.CertificateSetup{}, err
	}
	return s.repo.SaveCertificateSetup(in, c)
}

// List returns every certificate, newest first.
func (s *CertificateService) List() ([]app.Certificate, error) {
	all, err := s.repo.Certificates()
	slices.Reverse(all)
	return all, err
}

// Revoke withdraws a certificate; verification reports it as revoked.
func (s *CertificateService) Revoke(serial, reason string) (app.Certificate, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return app.Certificate{}, &app.Error{Code: app.CodeInvalid, Reason: "fields", Message: "a revocation needs a reason",
			Fields: map[string]string{"reason": "required"}}
	}
	c, err := s.settings.change()
	if err != nil {
		return app.Certificate{}, err
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
func (s *CertificateService) ForBatch(id string) ([]app.Certificate, error) { return s.forBatch(id, 0) }

// forBatch issues those of one member of the batch, or of all at member 0.
func (s *CertificateService) forBatch(id string, member uint64) ([]app.Certificate, error) {
	b, err := s.levels.Batch(id)
	if err != nil {
		return nil, err
	}
	if !b.Published {
		return nil, app.Errorf(app.CodeConflict, "batch_unpublished", "batch %s is not published: publish it first", b.ID).WithParams("batch", b.ID)
	}
	certs := make([]app.Certificate, 0, len(b.Entries))
	for _, e := range b.Entries {
		certs = append(certs, honor(e.MemberID, e.Level, b.Year, "batch:"+b.ID))
	}
	return s.issue(only(certs, member))
}

// ForRenewal issues the honor certificates of a confirmed renewal's
// holders for the next year (those who keep, rise or move down).
func (s *CertificateService) ForRenewal(year int) ([]app.Certificate, error) {
	return s.forRenewal(year, 0)
}

func (s *CertificateService) forRenewal(year int, member uint64) ([]app.Certificate, error) {
	r, err := s.levels.Renewal(year)
	if err != nil {
		return nil, err
	}
	if !r.Confirmed {
		return nil, app.Errorf(app.CodeConflict, "renewal_unconfirmed", "the renewal of %d is not confirmed", year).WithParams("year", strconv.Itoa(year))
	}
	var certs []app.Certificate
	for _, e := range r.Entries {
		if e.Outcome != string(rules.RenewalLapse) {
			certs = append(certs, honor(e.MemberID, e.To, year+1, "renewal:"+strconv.Itoa(year)))
		}
	}
	return s.issue(only(certs, member))
}

func honor(member uint64, level string, year int, source string) app.Certificate {
	l := rules.Level(level)
	return app.Certificate{Kind: app.CertHonor, MemberID: member, Level: level, Title: l.LabelZH(), TitleEN: l.LabelEN(), Year: year, Source: source}
}

// ForLead issues the appointment letter of a group's lead for a year.
func (s *CertificateService) ForLead(groupID uint64, year int) ([]app.Certificate, error) {
	g, err := s.repo.GetGroup(groupID)
	if err != nil {
		return nil, err
	}
	t, ok := g.Term(year)
	if !ok || t.LeadID == 0 {
		return nil, app.Errorf(app.CodeConflict, "group_no_lead", "%s has no lead in %d", g.Name, year).WithParams("group", g.Name, "year", strconv.Itoa(year))
	}
	return s.issue([]app.Certificate{appointment(g, t.LeadID, year)})
}

// ForLeads issues the appointment letters of every group's lead in year.
func (s *CertificateService) ForLeads(year int) ([]app.Certificate, error) {
	groups, err := s.repo.Groups()
	if err != nil {
		return nil, err
	}
	var certs []app.Certificate
	for _, g := range groups {
		if t, ok := g.Term(year); ok && t.LeadID != 0 {
			certs = append(certs, appointment(g, t.LeadID, year))
		}
	}
	if len(certs) == 0 {
		return nil, app.Errorf(app.CodeConflict, "no_leads", "no group has a lead in %d", year).WithParams("year", strconv.Itoa(year))
	}
	return s.issue(certs)
}

func appointment(g app.Group, lead uint64, year int) app.Certificate {
	titleEN := "Group lead"
	if g.NameEN != "" {
		titleEN = "Lead, " + g.NameEN
	}
	return app.Certificate{Kind: app.CertAppointment, MemberID: lead, Title: g.Name + "组长", TitleEN: titleEN,
		Detail: g.Name, DetailEN: g.NameEN, Year: year, Source: "group:" + strconv.FormatUint(g.ID, 10) + ":" + strconv.Itoa(year)}
}

// ForEvent issues a thanks certificate to each speaker of an event, one
// per speaker with all their talks.
func (s *CertificateService) ForEvent(eventID uint64) ([]app.Certificate, error) {
	return s.forEvent(eventID, 0)
}

func (s *CertificateService) forEvent(eventID, member uint64) ([]app.Certificate, error) {
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
		return nil, app.Errorf(app.CodeConflict, "event_no_talks", "%s has no talks", e.Name).WithParams("event", e.Name)
	}
	certs := make([]app.Certificate, 0, len(speakers))
	for _, m := range speakers {
		title := strings.Join(titles[m], "》《")
		certs = append(certs, app.Certificate{Kind: app.CertThanks, MemberID: m, Title: title, TitleEN: title, Detail: e.Name, DetailEN: e.NameEN,
			Year: e.Year(), Source: "event:" + strconv.FormatUint(e.ID, 10)})
	}
	return s.issue(only(certs, member))
}

// only keeps the certificates of member (all of them at 0).
func only(certs []app.Certificate, member uint64) []app.Certificate {
	if member == 0 {
		return certs
	}
	return slices.DeleteFunc(certs, func(c app.Certificate) bool { return c.MemberID != member })
}

// ForMember issues one member's certificate of a kind: honor for the level
// they hold in year (from its batch or renewal), appointment for the group
// they lead in year, thanks for their talks at event.
func (s *CertificateService) ForMember(memberID uint64, kind string, year int, event uint64) ([]app.Certificate, error) {
	var certs []app.Certificate
	var err error
	switch kind {
	case app.CertHonor:
		// The holding of year may come from a batch of the year before
		// (valid through year): its certificate is of that year, not this.
		certs, err = s.honorOf(memberID, year)
		certs = slices.DeleteFunc(certs, func(c app.Certificate) bool { return c.Year != year })
	case app.CertAppointment:
		certs, err = s.appointmentOf(memberID, year)
	case app.CertThanks:
		certs, err = s.forEvent(event, memberID)
	default:
		return nil, app.Errorf(app.CodeInvalid, "unknown_certificate_kind", "no certificate kind %q", kind).WithParams("kind", kind)
	}
	if err == nil && len(certs) == 0 {
		err = app.Errorf(app.CodeNotFound, "no_certificate_for_member", "member %d has no %s certificate for %d", memberID, kind, year).
			WithParams("kind", kind, "year", strconv.Itoa(year))
	}
	return certs, err
}

func (s *CertificateService) honorOf(memberID uint64, year int) ([]app.Certificate, error) {
	holdings, err := s.repo.HoldingsOf(year, []uint64{memberID})
	if err != nil {
		return nil, err
	}
	for _, h := range holdings {
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

func (s *CertificateService) appointmentOf(memberID uint64, year int) ([]app.Certificate, error) {
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
func (s *CertificateService) issue(certs []app.Certificate) ([]app.Certificate, error) {
	setup, err := s.Setup()
	if err != nil {
		return nil, err
	}
	if setup.ChapterCode == "" {
		return nil, app.Errorf(app.CodeConflict, "chapter_code_unset",
			"set the chapter code first (Settings, Certificates, or acedesk setup --chapter CODE): every serial carries it")
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
	today := c.At.Format(app.DateLayout)
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
func (s *CertificateService) sign(c app.Certificate) (string, error) {
	return s.trust.signClaims(app.Claims{Serial: c.Serial, Name: c.Name, Title: c.Title, Year: c.Year, Issuer: c.Issuer, Date: c.IssuedOn})
}

// checkPrintable refuses, before anything is recorded or printed, a name
// or title with a character the certificate font lacks (or one beyond the
// Basic Multilingual Plane), naming the member and the characters.
func (s *CertificateService) checkPrintable(certs []app.Certificate) error {
	for _, c := range certs {
		if err := printable(s.printer, c.Name, c.MemberID, c.Name, c.NameLatin, c.Title, c.Detail); err != nil {
			return err
		}
	}
	return nil
}

// printable refuses texts of a member with a character the font lacks,
// naming the member, the characters and their code points.
func printable(p app.Printer, member string, id uint64, texts ...string) error {
	for _, text := range texts {
		bad, err := p.Unprintable(text)
		if err != nil {
			return err
		}
		if len(bad) > 0 {
			return app.UnprintableError("name", member, bad).WithParams("id", strconv.FormatUint(id, 10))
		}
	}
	return nil
}

// FileResult is a file made for the user: a name to save it as and its bytes.
type FileResult struct {
	Name string `json:"name"`
	Data []byte `json:"data"`
}

// Print starts making the PDF of the certificates with these serials in the
// background and returns the job to poll: one multi-page PDF for a
// printer, or with split one PDF per person in a zip, for sending. Only
// the PDF for a printer counts papers: a certificate printed before is
// marked "补发 / Reprint" on it.
func (s *CertificateService) Print(serials []string, split bool) (string, error) {
	certs, setup, err := s.pages(serials)
	if err != nil {
		return "", err
	}
	return s.jobs.Start("certificates", func(ctx context.Context, progress app.Progress) (string, []byte, error) {
		if split {
			return s.render(ctx, certs, setup, true, progress)
		}
		return s.paper(ctx, certs, setup, progress)
	}), nil
}

// Preview is the PDF of one certificate, to look at or to send: it counts
// no paper and never reads "补发".
func (s *CertificateService) Preview(serial string) (FileResult, error) {
	certs, setup, err := s.pages([]string{serial})
	if err != nil {
		return FileResult{}, err
	}
	name, data, err := s.render(context.Background(), certs, setup, false, nil)
	return FileResult{Name: name, Data: data}, err
}

// Picture is one certificate as a PNG for a phone screen (1080 pixels
// wide), to post: the certificate's layout with its QR code large enough
// to scan from another phone's screen.
func (s *CertificateService) Picture(serial string) (FileResult, error) {
	certs, setup, err := s.pages([]string{serial})
	if err != nil {
		return FileResult{}, err
	}
	var buf bytes.Buffer
	if err := s.printer.Picture(context.Background(), &buf, certs[0], setup); err != nil {
		return FileResult{}, err
	}
	return FileResult{Name: certFileName(certs) + ".png", Data: buf.Bytes()}, nil
}

// paper makes the PDF for a printer and, once it is made, counts a paper
// printed of each certificate.
func (s *CertificateService) paper(ctx context.Context, certs []app.Certificate, setup app.CertificateSetup, progress app.Progress) (string, []byte, error) {
	serials := make([]string, len(certs))
	for i := range certs {
		certs[i].Reprint = certs[i].Prints > 0
		serials[i] = certs[i].Serial
	}
	name, data, err := s.render(ctx, certs, setup, false, progress)
	if err != nil {
		return "", nil, err
	}
	c, err := s.settings.change()
	if err == nil {
		err = s.repo.CountPrints(serials, c)
	}
	return name, data, err
}

// render makes one PDF, or with split a zip of one PDF each.
func (s *CertificateService) render(ctx context.Context, certs []app.Certificate, setup app.CertificateSetup, split bool, progress app.Progress) (string, []byte, error) {
	var buf bytes.Buffer
	if !split {
		err := s.printer.Certificates(ctx, &buf, certs, setup, progress)
		return certFileName(certs) + ".pdf", buf.Bytes(), err
	}
	z := zip.NewWriter(&buf)
	err := s.printer.EachCertificate(ctx, certs, setup, progress, func(i int, data []byte) error {
		w, err := z.Create(onePDFName(certs[i]))
		if err == nil {
			_, err = w.Write(data)
		}
		return err
	})
	if err == nil {
		err = z.Close()
	}
	return certFileName(certs) + ".zip", buf.Bytes(), err
}

func onePDFName(c app.Certificate) string { return c.Serial + "-" + c.Name + ".pdf" }

func certFileName(certs []app.Certificate) string {
	if len(certs) == 1 {
		return certs[0].Serial + "-" + certs[0].Name
	}
	return "certificates-" + strconv.Itoa(len(certs))
}

// pages loads the certificates and the chapter's setup, which styles
// them. Revoked certificates are not printed again.
func (s *CertificateService) pages(serials []string) ([]app.Certificate, app.CertificateSetup, error) {
	setup, err := s.Setup()
	if err != nil {
		return nil, setup, err
	}
	if len(serials) == 0 {
		return nil, setup, app.Errorf(app.CodeInvalid, "no_certificates", "no certificates to print")
	}
	out := make([]app.Certificate, 0, len(serials))
	for _, serial := range serials {
		c, err := s.unrevoked(serial)
		if err != nil {
			return nil, setup, err
		}
		out = append(out, c)
	}
	return out, setup, nil
}

// Render makes the certificates' PDFs at once, for the command line: one
// file for a printer, which counts papers as Print does, or with split
// one per certificate, for sending.
func (s *CertificateService) Render(serials []string, split bool) ([]FileResult, error) {
	certs, setup, err := s.pages(serials)
	if err != nil {
		return nil, err
	}
	if !split {
		name, data, err := s.paper(context.Background(), certs, setup, nil)
		return []FileResult{{Name: name, Data: data}}, err
	}
	out := make([]FileResult, 0, len(certs))
	err = s.printer.EachCertificate(context.Background(), certs, setup, nil, func(i int, data []byte) error {
		out = append(out, FileResult{Name: onePDFName(certs[i]), Data: data})
		return nil
	})
	return out, err
}

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
	data, err := s.badges.OpenBadge(c, setup, key)
	if err != nil {
		return FileResult{}, err
	}
	return FileResult{Name: c.Serial + ".openbadge.json", Data: data}, nil
}

// unrevoked loads an issued certificate that is not revoked: the only
// kind that is printed or exported.
func (s *CertificateService) unrevoked(serial string) (app.Certificate, error) {
	c, ok, err := s.repo.GetCertificate(serial)
	switch {
	case err != nil:
		return app.Certificate{}, err
	case !ok:
		return app.Certificate{}, app.Errorf(app.CodeNotFound, "certificate_not_found", "no certificate %s", serial).WithParams("serial", serial)
	case c.Revoked:
		return app.Certificate{}, app.Errorf(app.CodeConflict, "certificate_revoked", "certificate %s is revoked", serial).WithParams("serial", serial)
	}
	return c, nil
}
