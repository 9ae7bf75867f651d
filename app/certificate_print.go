package app

import (
	"archive/zip"
	"bytes"
	"context"
	"strconv"
	"strings"
	"sync"

	"acedesk/app/pdf"
)

// FileResult is a file made for the user: a name to save it as and its bytes.
type FileResult struct {
	Name string `json:"name"`
	Data []byte `json:"data"`
}

// lazyRenderer loads the certificate font's glyph table on first use only:
// most sessions print nothing.
func lazyRenderer() func() (*pdf.Renderer, error) {
	var once sync.Once
	var r *pdf.Renderer
	var err error
	return func() (*pdf.Renderer, error) {
		once.Do(func() { r, err = pdf.New() })
		return r, err
	}
}

// Print starts making the PDF of the certificates with these serials in the
// background and returns the job to poll: one multi-page PDF for a
// printer, or with split one PDF per person in a zip, for sending.
func (s *CertificateService) Print(serials []string, split bool) (string, error) {
	r, certs, st, err := s.printable(serials)
	if err != nil {
		return "", err
	}
	return s.jobs.Start(func(ctx context.Context, progress Progress) (string, []byte, error) {
		return renderCertificates(ctx, r, certs, st, split, pdf.Progress(progress))
	}), nil
}

// Preview is the PDF of one certificate, for the UI to show before a batch.
func (s *CertificateService) Preview(serial string) (FileResult, error) {
	r, certs, st, err := s.printable([]string{serial})
	if err != nil {
		return FileResult{}, err
	}
	name, data, err := renderCertificates(context.Background(), r, certs, st, false, nil)
	return FileResult{Name: name, Data: data}, err
}

// JobStatus, CancelJob and JobResult follow a Print in the background.
func (s *CertificateService) JobStatus(id string) (JobStatus, error) { return s.jobs.Status(id) }

func (s *CertificateService) CancelJob(id string) error { return s.jobs.Cancel(id) }

func (s *CertificateService) JobResult(id string) (FileResult, error) {
	name, data, err := s.jobs.Result(id)
	return FileResult{Name: name, Data: data}, err
}

// renderCertificates makes one PDF, or with split a zip of one PDF each.
func renderCertificates(ctx context.Context, r *pdf.Renderer, certs []pdf.Certificate, st pdf.Style, split bool, progress pdf.Progress) (string, []byte, error) {
	var buf bytes.Buffer
	if !split {
		err := r.Certificates(ctx, &buf, certs, st, progress)
		return certFileName(certs) + ".pdf", buf.Bytes(), err
	}
	z := zip.NewWriter(&buf)
	err := r.EachCertificate(ctx, certs, st, progress, func(i int, data []byte) error {
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

func onePDFName(c pdf.Certificate) string { return c.Serial + "-" + c.Name + ".pdf" }

func certFileName(certs []pdf.Certificate) string {
	if len(certs) == 1 {
		return certs[0].Serial + "-" + certs[0].Name
	}
	return "certificates-" + strconv.Itoa(len(certs))
}

// printable loads the renderer, and the certificates and the chapter's
// setup as it takes them. Revoked certificates are not printed again.
func (s *CertificateService) printable(serials []string) (*pdf.Renderer, []pdf.Certificate, pdf.Style, error) {
	r, err := s.renderer()
	if err != nil {
		return nil, nil, pdf.Style{}, err
	}
	certs, st, err := s.pages(serials)
	return r, certs, st, err
}

func (s *CertificateService) pages(serials []string) ([]pdf.Certificate, pdf.Style, error) {
	setup, err := s.Setup()
	if err != nil {
		return nil, pdf.Style{}, err
	}
	if len(serials) == 0 {
		return nil, pdf.Style{}, Errorf(CodeInvalid, "no_certificates", "no certificates to print")
	}
	out := make([]pdf.Certificate, 0, len(serials))
	for _, serial := range serials {
		c, err := s.unrevoked(serial)
		if err != nil {
			return nil, pdf.Style{}, err
		}
		out = append(out, pageOf(c, setup))
	}
	st := pdf.Style{IssuerZH: setup.IssuerZH, IssuerEN: setup.IssuerEN, SealPNG: setup.SealPNG}
	for _, g := range setup.Signatories {
		st.Signatories = append(st.Signatories, pdf.Signatory{Name: g.Name, TitleZH: g.TitleZH, TitleEN: g.TitleEN, SignaturePNG: g.SignaturePNG})
	}
	return out, st, nil
}

// pageOf is a certificate as printed: the wording of its kind filled in,
// the date in both languages.
func pageOf(c Certificate, setup CertificateSetup) pdf.Certificate {
	w := setup.Wording
	zh, en := w.HonorZH, w.HonorEN
	switch c.Kind {
	case CertAppointment:
		zh, en = w.AppointmentZH, w.AppointmentEN
	case CertThanks:
		zh, en = w.ThanksZH, w.ThanksEN
	}
	dateZH, dateEN := c.IssuedOn, c.IssuedOn
	if len(c.IssuedOn) == 10 {
		y, m, d := c.IssuedOn[:4], strings.TrimLeft(c.IssuedOn[5:7], "0"), strings.TrimLeft(c.IssuedOn[8:], "0")
		dateZH = y + " 年 " + m + " 月 " + d + " 日"
	}
	// A talk's title is printed as given, in one language: the same line
	// twice would read as a mistake.
	titleEN := c.TitleEN
	if titleEN == c.Title {
		titleEN = ""
	}
	return pdf.Certificate{Kind: c.Kind, Serial: c.Serial, Name: c.Name, NameLatin: c.NameLatin, TitleZH: c.Title, TitleEN: titleEN,
		BodyZH: c.fill(zh, false), BodyEN: c.fill(en, true), DateZH: dateZH, DateEN: dateEN, QR: c.Payload, Reprint: c.Prints > 1}
}

// Render makes the certificates' PDFs at once, for the command line: one
// file, or with split one per certificate.
func (s *CertificateService) Render(serials []string, split bool) ([]FileResult, error) {
	r, certs, st, err := s.printable(serials)
	if err != nil {
		return nil, err
	}
	if !split {
		name, data, err := renderCertificates(context.Background(), r, certs, st, false, nil)
		return []FileResult{{Name: name, Data: data}}, err
	}
	out := make([]FileResult, 0, len(certs))
	err = r.EachCertificate(context.Background(), certs, st, nil, func(i int, data []byte) error {
		out = append(out, FileResult{Name: onePDFName(certs[i]), Data: data})
		return nil
	})
	return out, err
}
