package app

import (
	"context"
	"io"
)

// Printer lays out what ACE Desk prints (app/pdf): certificates in the
// chapter's style, front-row place cards and the trophy list. It also
// says which characters its font cannot print, so that a service refuses
// such a text before recording anything.
type Printer interface {
	// Certificates writes certs as one PDF, a page each, styled by setup.
	Certificates(ctx context.Context, w io.Writer, certs []Certificate, setup CertificateSetup, progress Progress) error
	// EachCertificate makes one PDF per certificate and hands each to fn,
	// in order; an error from fn stops it.
	EachCertificate(ctx context.Context, certs []Certificate, setup CertificateSetup, progress Progress, fn func(i int, pdf []byte) error) error
	// Picture writes one certificate as a PNG for a phone screen, from the
	// same layout, with its QR code large enough to scan from a screen.
	Picture(ctx context.Context, w io.Writer, cert Certificate, setup CertificateSetup) error
	PlaceCards(w io.Writer, cards []PlaceCard) error
	TrophyList(w io.Writer, list TrophyList) error
	// Unprintable lists the characters of text the font lacks.
	Unprintable(text string) ([]rune, error)
}

// Romanizer writes a Chinese name in Latin letters (pinyin, app/pinyin),
// for the English of a certificate when a member has no Latin name of
// their own; the user corrects it in the member's form.
type Romanizer interface {
	// Latin is name in Latin letters; "" when it cannot tell.
	Latin(name string) string
}

// PlaceCard reserves a front-row seat: one A4 page folds into a tent card
// that reads the same from both sides.
type PlaceCard struct {
	Name, NameLatin  string
	LevelZH, LevelEN string // e.g. "PostgreSQL ACE 总监", "PostgreSQL ACE Director"
}

// TrophyList is the order for the physical trophies: what to engrave and
// where to send each.
type TrophyList struct {
	Title    string // e.g. "2026 年 PostgreSQL ACE 奖杯清单"
	Subtitle string
	Rows     []TrophyRow
}

// TrophyRow is one trophy.
type TrophyRow struct {
	Name, Level, Engraving, City, Phone, Address, Status string
}
