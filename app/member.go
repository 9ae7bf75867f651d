package app

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Member is one person on the chapter roster.
type Member struct {
	ID           uint64    `json:"id"`
	Name         string    `json:"name"`
	NameLatin    string    `json:"name_latin"`
	Organization string    `json:"organization"`
	OrgCategory  string    `json:"org_category"`
	Title        string    `json:"title"`
	City         string    `json:"city"`
	Phone        string    `json:"phone"`
	Email        string    `json:"email"`
	WeChat       string    `json:"wechat"`
	Address      string    `json:"address"`
	Bio          string    `json:"bio"`
	Notes        string    `json:"notes"`
	Archived     bool      `json:"archived"`
	Version      int       `json:"version"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

// MemberSummary is what lists of standings show of a member.
type MemberSummary struct {
	Name        string `json:"name"`
	NameLatin   string `json:"name_latin"`
	Phone       string `json:"phone"`
	City        string `json:"city"`
	OrgCategory string `json:"org_category"`
}

var (
	mainlandPhone = regexp.MustCompile(`^1[3-9][0-9]{9}$`)
	intlPhone     = regexp.MustCompile(`^\+[1-9][0-9]{5,14}$`)
	emailPattern  = regexp.MustCompile(`^[^\s@]+@[^\s@]+\.[^\s@]+$`)
	phoneNoise    = strings.NewReplacer(" ", "", "-", "", "(", "", ")", "", "\u00a0", "")
)

// NormalizePhone removes separators and the +86 prefix of mainland numbers,
// so one phone has one spelling in the index.
func NormalizePhone(p string) string {
	p = phoneNoise.Replace(strings.TrimSpace(p))
	if strings.HasPrefix(p, "+86") && mainlandPhone.MatchString(p[3:]) {
		return p[3:]
	}
	return p
}

// NormalizeEmail lower-cases and trims an email address.
func NormalizeEmail(e string) string { return strings.ToLower(strings.TrimSpace(e)) }

// Normalize trims every text field and canonicalises phone and email.
func (m *Member) Normalize() {
	for _, s := range []*string{&m.Name, &m.NameLatin, &m.Organization, &m.OrgCategory, &m.Title,
		&m.City, &m.WeChat, &m.Address, &m.Bio, &m.Notes} {
		*s = strings.TrimSpace(*s)
	}
	m.Name = strings.Join(strings.Fields(m.Name), " ")
	m.NameLatin = strings.Join(strings.Fields(m.NameLatin), " ")
	m.Phone = NormalizePhone(m.Phone)
	m.Email = NormalizeEmail(m.Email)
}

// Validate reports every invalid field at once, so the form can mark them all.
func (m Member) Validate() error {
	f := FieldErrors{}
	if m.Name == "" {
		f.Add("name", "required")
	}
	checkTexts(f, textField{"name", m.Name, MaxMemberName, false}, textField{"name_latin", m.NameLatin, MaxLatinName, false},
		textField{"organization", m.Organization, MaxOrganization, false}, textField{"org_category", m.OrgCategory, MaxJobTitle, false},
		textField{"title", m.Title, MaxJobTitle, false}, textField{"city", m.City, MaxCity, false},
		textField{"phone", m.Phone, MaxWeChat, false}, textField{"email", m.Email, MaxEmail, false},
		textField{"wechat", m.WeChat, MaxWeChat, false}, textField{"address", m.Address, MaxAddress, true},
		textField{"bio", m.Bio, MaxLongText, true}, textField{"notes", m.Notes, MaxLongText, true})
	if m.NameLatin != "" && !IsLatinName(m.NameLatin) {
		f.Add("name_latin", "not_latin")
	}
	if m.Phone != "" && !mainlandPhone.MatchString(m.Phone) && !intlPhone.MatchString(m.Phone) {
		f.Add("phone", "invalid_phone")
	}
	if m.Email != "" && !emailPattern.MatchString(m.Email) {
		f.Add("email", "invalid_email")
	}
	if m.OrgCategory != "" && !IsOrgCategory(m.OrgCategory) {
		f.Add("org_category", "invalid_choice")
	}
	return f.Err()
}

// IsLatinName accepts letters of Latin scripts (with diacritics such as ü),
// spaces, hyphens, apostrophes and dots: what a certificate prints.
func IsLatinName(s string) bool {
	for _, r := range s {
		switch {
		case r == ' ' || r == '-' || r == '\'' || r == '.':
		case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z':
		case r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7:
		default:
			return false
		}
	}
	return true
}

// Unprintable lists the characters of a text that the certificate font
// cannot print (app.Printer.Unprintable).
type Unprintable func(text string) ([]rune, error)

// CheckPrintable refuses a member whose name or Latin name holds a
// character the certificate font lacks: it would print as an empty box.
// The error names the characters and their code points, so the person
// entering the name can see which one to replace.
func (m Member) CheckPrintable(unprintable Unprintable) error {
	for _, f := range []struct{ field, text string }{{"name", m.Name}, {"name_latin", m.NameLatin}} {
		bad, err := unprintable(f.text)
		if err != nil {
			return err
		}
		if len(bad) > 0 {
			return UnprintableError(f.field, m.Name, bad)
		}
	}
	return nil
}

// UnprintableError says which characters of a member's field the font
// lacks, as "𪚥" and "U+2A6A5".
func UnprintableError(field, member string, bad []rune) *Error {
	codes := make([]string, len(bad))
	for i, r := range bad {
		codes[i] = fmt.Sprintf("U+%04X", r)
	}
	return Errorf(CodeInvalid, "name_unprintable", "%s: the certificate font cannot print %q (%s)", member, string(bad), strings.Join(codes, " ")).
		WithParams("member", member, "chars", string(bad), "codes", strings.Join(codes, " "), "field", field)
}

// checkEnglish checks an optional English name: no Chinese in it, since
// it is printed in the English of a certificate.
func checkEnglish(f FieldErrors, field, s string, max int) {
	if utf8.RuneCountInString(s) > max {
		f.Add(field, "too_long")
	}
	for _, r := range s {
		if r >= 0x2E80 {
			f.Add(field, "not_english")
			return
		}
	}
}

// MemberQuery asks for one page of members matching Text. Archived selects
// the archive instead of the active roster.
type MemberQuery struct {
	Text     string `json:"text"`
	Archived bool   `json:"archived"`
	Offset   int    `json:"offset"`
	Limit    int    `json:"limit"`
}

// MemberPage is one page of a search with the total number of matches.
type MemberPage struct {
	Items []Member `json:"items"`
	Total int      `json:"total"`
}

// MaxPageSize bounds one search page.
const MaxPageSize = 200

// Clamp fixes an out-of-range offset or limit.
func (q MemberQuery) Clamp() MemberQuery {
	if q.Offset < 0 {
		q.Offset = 0
	}
	if q.Limit <= 0 || q.Limit > MaxPageSize {
		q.Limit = 50
	}
	q.Text = strings.TrimSpace(q.Text)
	return q
}
