package pdf

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

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

// Picture writes one certificate as a PNG for a phone screen.
func (p *Printer) Picture(ctx context.Context, w io.Writer, cert app.Certificate, setup app.CertificateSetup) error {
	r, err := p.renderer()
	if err != nil {
		return err
	}
	pages, st := pagesOf([]app.Certificate{cert}, setup)
	return r.Picture(ctx, w, pages[0], st)
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
// the holder's name and an honor's title kept whole on one line, the date
// in Chinese once.
func pageOf(c app.Certificate, setup app.CertificateSetup) Certificate {
	w := setup.Wording
	zh, en := w.HonorZH, w.HonorEN
	switch c.Kind {
	case app.CertAppointment:
		zh, en = w.AppointmentZH, w.AppointmentEN
	case app.CertThanks:
		zh, en = w.ThanksZH, w.ThanksEN
	}
	kept := c
	for _, f := range []*string{&kept.Name, &kept.NameLatin} {
		if *f != "" {
			*f = keep(*f)
		}
	}
	if c.Kind == app.CertHonor {
		kept.Title, kept.TitleEN = keep(c.Title), keep(c.TitleEN)
	}
	date := c.IssuedOn
	if t, err := time.Parse(app.DateLayout, c.IssuedOn); err == nil {
		date = fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
	}
	return Certificate{Kind: c.Kind, Serial: c.Serial, Name: c.Name, NameLatin: c.NameLatin,
		BodyZH: kept.Fill(zh, false), BodyEN: kept.Fill(en, true), Date: date, QR: c.Payload, Reprint: c.Reprint}
}
