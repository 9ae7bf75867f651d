package app

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Certificate kinds.
const (
	CertHonor       = "honor"       // 荣誉证书: a level from a batch or a renewal
	CertAppointment = "appointment" // 聘书: a group lead for a year
	CertThanks      = "thanks"      // 感谢状: a talk at an event
)

// Certificate is one issued certificate. What it prints is frozen when it
// is first issued, so printing it again gives the same paper and serial.
type Certificate struct {
	Serial    string `json:"serial"`
	Kind      string `json:"kind"`
	MemberID  uint64 `json:"member_id"`
	Name      string `json:"name"`
	NameLatin string `json:"name_latin"`
	// Title is what the holder is honoured as: the level's label, the
	// group's lead, or the talk.
	Title   string `json:"title"`
	TitleEN string `json:"title_en"`
	Level   string `json:"level"` // honor only
	// Detail is the rest the wording needs: the group, or the event;
	// DetailEN its English name, "" when it has none.
	Detail   string `json:"detail"`
	DetailEN string `json:"detail_en"`
	Year     int    `json:"year"`
	// Source is what the certificate is for: "batch:2026-Q2",
	// "renewal:2026", "group:3:2026", "talk:41" (the talk's contribution).
	Source   string `json:"source"`
	IssuedOn string `json:"issued_on"`
	Issuer   string `json:"issuer"`
	// Payload is the signed text of the QR code.
	Payload string `json:"payload"`
	// Prints counts the papers printed: issuing, previewing and
	// downloading count nothing.
	Prints        int       `json:"prints"`
	Revoked       bool      `json:"revoked"`
	RevokedReason string    `json:"revoked_reason"`
	RevokedAt     time.Time `json:"revoked_at"`
	CreatedAt     time.Time `json:"created_at"`
	// Reprint marks a paper printed again after a first paper of the same
	// certificate: set only when printing, never stored.
	Reprint bool `json:"-"`
}

// SerialPrefix starts every serial: PGACE-<year>-<chapter>-<number>.
const SerialPrefix = "PGACE"

var chapterCode = regexp.MustCompile(`^[A-Z]{2,6}$`)

var certificateSerial = regexp.MustCompile(`^` + SerialPrefix + `-[0-9]{4}-[A-Z]{2,6}-[0-9]{6,9}$`)

// MaxPayload bounds a certificate's signed QR text.
const MaxPayload = 2000

// Validate checks a certificate as a chapter's bundle brings it: a serial
// as FormatSerial writes them, and texts within the caps (they are printed
// on check pages and by verify).
func (c Certificate) Validate() error {
	f := FieldErrors{}
	if !certificateSerial.MatchString(c.Serial) {
		f.Add("serial", "invalid")
	}
	if c.MemberID == 0 {
		f.Add("member_id", "required")
	}
	checkTexts(f, textField{"kind", c.Kind, MaxJobTitle, false}, textField{"name", c.Name, MaxMemberName, false},
		textField{"name_latin", c.NameLatin, MaxLatinName, false}, textField{"title", c.Title, MaxTitle, false},
		textField{"title_en", c.TitleEN, MaxTitle, false}, textField{"level", c.Level, MaxJobTitle, false},
		textField{"detail", c.Detail, MaxTitle, false}, textField{"source", c.Source, MaxTitle, false},
		textField{"issued_on", c.IssuedOn, MaxJobTitle, false}, textField{"issuer", c.Issuer, MaxTitle, false},
		textField{"payload", c.Payload, MaxPayload, false}, textField{"revoked_reason", c.RevokedReason, MaxNote, true})
	return f.Err()
}

// SerialChapter is the chapter code a serial carries, "" if it is not a
// serial.
func SerialChapter(serial string) string {
	if !certificateSerial.MatchString(serial) {
		return ""
	}
	return strings.Split(serial, "-")[2]
}

// ValidChapterCode reports whether code is a chapter code: 2 to 6
// capital letters.
func ValidChapterCode(code string) bool { return chapterCode.MatchString(code) }

// FormatSerial writes a serial; number counts the chapter's certificates.
func FormatSerial(year int, chapter string, number uint64) string {
	return fmt.Sprintf("%s-%d-%s-%06d", SerialPrefix, year, chapter, number)
}

// CertificateSetup is how the chapter's certificates read and are signed
// off: issuer, signatories, optional seal and signature images the
// organizer supplies, and the wording with {placeholders}.
type CertificateSetup struct {
	// ChapterCode goes into serials: 2–6 capital letters, e.g. HZ. It is
	// "" until the chapter sets it, and nothing is issued before; it cannot
	// change once a certificate carries it.
	ChapterCode string       `json:"chapter_code"`
	IssuerZH    string       `json:"issuer_zh"`
	IssuerEN    string       `json:"issuer_en"`
	Signatories []Signatory  `json:"signatories"`
	SealPNG     []byte       `json:"seal_png"`
	Wording     CertWordings `json:"wording"`
	Version     int          `json:"version"`
}

// Signatory signs certificates; SignaturePNG is an optional image of the signature.
type Signatory struct {
	Name         string `json:"name"`
	TitleZH      string `json:"title_zh"`
	TitleEN      string `json:"title_en"`
	SignaturePNG []byte `json:"signature_png"`
}

// CertWordings are the body texts of each kind in both languages.
// Placeholders: {name} {latin} {title} {detail} {year}.
type CertWordings struct {
	HonorZH       string `json:"honor_zh"`
	HonorEN       string `json:"honor_en"`
	AppointmentZH string `json:"appointment_zh"`
	AppointmentEN string `json:"appointment_en"`
	ThanksZH      string `json:"thanks_zh"`
	ThanksEN      string `json:"thanks_en"`
}

// DefaultCertificateSetup is what a chapter starts with. Each wording
// names the holder only through the large name above it: the body speaks
// to them ("您") as Chinese letters of appointment and thanks do.
func DefaultCertificateSetup() CertificateSetup {
	return CertificateSetup{
		IssuerZH:    "中国开源软件推进联盟 PostgreSQL 分会",
		IssuerEN:    "PostgreSQL Chapter, China Open Source Software Promotion Union",
		Signatories: []Signatory{{Name: "", TitleZH: "分会主席", TitleEN: "Chair"}},
		Wording: CertWordings{
			HonorZH:       "在{year}年度为 PostgreSQL 中文社区作出突出贡献，经 PostgreSQL ACE 荣誉体系评定，授予“{title}”荣誉称号。特发此证，以资鼓励。",
			HonorEN:       "In recognition of outstanding contributions to the PostgreSQL community in {year}, the title of {title} is hereby conferred.",
			AppointmentZH: "兹聘请您担任{detail}组长，聘期自{year}年1月1日至{year}年12月31日。",
			AppointmentEN: "You are hereby appointed Lead of {detail} for the term from 1 January to 31 December {year}.",
			ThanksZH:      "感谢您在{detail}发表技术演讲《{title}》，为 PostgreSQL 技术的传播与交流作出贡献。特发此状，以表谢忱。",
			ThanksEN:      "Thank you for your talk at {detail} and for sharing your knowledge of PostgreSQL with the community.",
		},
	}
}

// formerWordings are the wordings earlier versions of ACE Desk started
// with, which a chapter that saved its setup keeps unless it edited them.
var formerWordings = CertWordings{
	HonorZH:       "{name} 同志在 {year} 年度 PostgreSQL 社区贡献突出，经 PostgreSQL ACE 荣誉体系评定，授予“{title}”荣誉称号。",
	HonorEN:       "{latin} is hereby recognised as {title} for outstanding contributions to the PostgreSQL community in {year}.",
	AppointmentZH: "兹聘请 {name} 同志担任{detail}组长，任期 {year} 年。",
	AppointmentEN: "{latin} is hereby appointed lead of {detail} for {year}.",
	ThanksZH:      "感谢 {name} 在{detail}发表技术演讲《{title}》，为 PostgreSQL 社区的技术传播作出贡献。",
	ThanksEN:      "With thanks to {latin} for the talk “{title}” at {detail}.",
}

// UpgradeWording replaces each wording that is still a former default by
// the current one: nobody chose it, and the reviewed wording reads better
// (no "同志", the English without Chinese). Edited wordings stay.
func (s *CertificateSetup) UpgradeWording() {
	now := DefaultCertificateSetup().Wording
	for _, f := range []struct {
		have            *string
		former, current string
	}{
		{&s.Wording.HonorZH, formerWordings.HonorZH, now.HonorZH}, {&s.Wording.HonorEN, formerWordings.HonorEN, now.HonorEN},
		{&s.Wording.AppointmentZH, formerWordings.AppointmentZH, now.AppointmentZH},
		{&s.Wording.AppointmentEN, formerWordings.AppointmentEN, now.AppointmentEN},
		{&s.Wording.ThanksZH, formerWordings.ThanksZH, now.ThanksZH}, {&s.Wording.ThanksEN, formerWordings.ThanksEN, now.ThanksEN},
	} {
		if *f.have == f.former {
			*f.have = f.current
		}
	}
}

func (s *CertificateSetup) Normalize() {
	s.ChapterCode = strings.ToUpper(strings.TrimSpace(s.ChapterCode))
	s.IssuerZH = strings.TrimSpace(s.IssuerZH)
	s.IssuerEN = strings.TrimSpace(s.IssuerEN)
	for i := range s.Signatories {
		g := &s.Signatories[i]
		g.Name, g.TitleZH, g.TitleEN = strings.TrimSpace(g.Name), strings.TrimSpace(g.TitleZH), strings.TrimSpace(g.TitleEN)
	}
}

// MaxImageBytes bounds the seal and signature images.
const MaxImageBytes = 2 << 20

var pngMagic = "\x89PNG\r\n\x1a\n"

func (s CertificateSetup) Validate() error {
	f := FieldErrors{}
	if s.ChapterCode != "" && !chapterCode.MatchString(s.ChapterCode) {
		f.Add("chapter_code", "invalid_chapter_code")
	}
	if s.IssuerZH == "" {
		f.Add("issuer_zh", "required")
	}
	for field, v := range map[string]string{"issuer_zh": s.IssuerZH, "issuer_en": s.IssuerEN} {
		if utf8.RuneCountInString(v) > 80 {
			f.Add(field, "too_long")
		}
	}
	if len(s.Signatories) > 3 {
		f.Add("signatories", "too_many")
	}
	images := [][]byte{s.SealPNG}
	for _, g := range s.Signatories {
		images = append(images, g.SignaturePNG)
		if utf8.RuneCountInString(g.Name) > 20 || utf8.RuneCountInString(g.TitleZH) > 30 || utf8.RuneCountInString(g.TitleEN) > 60 {
			f.Add("signatories", "too_long")
		}
	}
	for _, img := range images {
		if len(img) > MaxImageBytes {
			f.Add("images", "too_large")
		} else if len(img) > 0 && !strings.HasPrefix(string(img), pngMagic) {
			f.Add("images", "not_png")
		}
	}
	w := s.Wording
	for field, v := range map[string]string{"honor_zh": w.HonorZH, "appointment_zh": w.AppointmentZH, "thanks_zh": w.ThanksZH} {
		if strings.TrimSpace(v) == "" {
			f.Add("wording."+field, "required")
		}
	}
	return f.Err()
}

// Fill replaces the wording's placeholders with the certificate's fields,
// in Chinese or (en) English. English never prints Chinese: the holder by
// the Latin name, the group or event by its English name or, without one,
// by what it is.
func (c Certificate) Fill(wording string, en bool) string {
	name, title, detail := c.Name, c.Title, c.Detail
	if en {
		name, title, detail = c.NameLatin, c.TitleEN, c.DetailEN
		if detail == "" {
			detail = map[string]string{CertAppointment: "a PostgreSQL ACE working group", CertThanks: "a PostgreSQL community event"}[c.Kind]
		}
	}
	return strings.NewReplacer("{name}", name, "{latin}", c.NameLatin, "{title}", title, "{detail}", detail,
		"{year}", fmt.Sprint(c.Year)).Replace(wording)
}
