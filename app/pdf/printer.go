package pdf

import (
	"context"
	"io"
	"strings"
	"sync"

	"acedesk/app"
)

// Printer is app.Printer: the domain's certificates laid out by a
// Renderer made on first use, since most sessions print nothing and
// reading the font's tables costs a moment.
type Printer struct {
	once sync.Once
	r    *Renderer
	err  error
}

// NewPrinter returns a Printer; the font is read when it first prints.
func NewPrinter() *Printer { return &Printer{} }

func (p *Printer) renderer() (*Renderer, error) {
	p.once.Do(func() { p.r, p.err = New() })
	return p.r, p.err
}

// Certificates writes certs as one PDF.
func (p *Printer) Certificates(ctx context.Context, w io.Writer, certs []app.Certificate, setup app.CertificateSetup, progress app.Progress) error {
	r, err := p.renderer()
	if err != nil {
		return err
	}
	pages, st := pagesOf(certs, setup)
	return r.Certificates(ctx, w, pages, st, Progress(progress))
}

// EachCertificate makes one PDF per certificate.
func (p *Printer) EachCertificate(ctx context.Context, certs []app.Certificate, setup app.CertificateSetup, progress app.Progress, fn func(i int, pdf []byte) error) error {
	r, err := p.renderer()
	if err != nil {
		return err
	}
	pages, st := pagesOf(certs, setup)
	return r.EachCertificate(ctx, pages, st, Progress(progress), fn)
}

// PlaceCards writes one page per card.
func (p *Printer) PlaceCards(w io.Writer, cards []app.PlaceCard) error {
	r, err := p.renderer()
	if err != nil {
		return err
	}
	return r.PlaceCards(w, cards)
}

// TrophyList writes the list as an A4 landscape table.
func (p *Printer) TrophyList(w io.Writer, list app.TrophyList) error {
	r, err := p.renderer()
	if err != nil {
		return err
	}
	return r.TrophyList(w, list)
}

// Unprintable lists the characters of text the font lacks.
func (p *Printer) Unprintable(text string) ([]rune, error) {
	r, err := p.renderer()
	if err != nil {
		return nil, err
	}
	return r.Unprintable(text), nil
}

// pagesOf is the certificates as printed, with the style of the chapter's
// setup.
func pagesOf(certs []app.Certificate, setup app.CertificateSetup) ([]Certificate, Style) {
	pages := make([]Certificate, len(certs))
	for i, c := range certs {
		pages[i] = pageOf(c, setup)
	}
	st := Style{IssuerZH: setup.IssuerZH, IssuerEN: setup.IssuerEN, SealPNG: setup.SealPNG}
	for _, g := range setup.Signatories {
		st.Signatories = append(st.Signatories, Signatory{Name: g.Name, TitleZH: g.TitleZH, TitleEN: g.TitleEN, SignaturePNG: g.SignaturePNG})
	}
	return pages, st
}

// pageOf is a certificate as printed: the wording of its kind filled in,
// the date in both languages.
func pageOf(c app.Certificate, setup app.CertificateSetup) Certificate {
	w := setup.Wording
	zh, en := w.HonorZH, w.HonorEN
	switch c.Kind {
	case app.CertAppointment:
		zh, en = w.AppointmentZH, w.AppointmentEN
	case app.CertThanks:
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
	return Certificate{Kind: c.Kind, Serial: c.Serial, Name: c.Name, NameLatin: c.NameLatin, TitleZH: c.Title, TitleEN: titleEN,
		BodyZH: c.Fill(zh, false), BodyEN: c.Fill(en, true), DateZH: dateZH, DateEN: dateEN, QR: c.Payload, Reprint: c.Prints > 1}
}
