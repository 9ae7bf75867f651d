package app

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The caps of what a record may hold, in one place. Every record is held
// to them by its Validate, whether it was typed in the app, imported from
// a spreadsheet or merged from a chapter's bundle, so a bundle cannot
// store what a form would refuse. Text caps count characters, not bytes.
const (
	MaxMemberName   = 40
	MaxLatinName    = 80
	MaxOrganization = 100
	MaxJobTitle     = 60
	MaxCity         = 40
	MaxEmail        = 120
	MaxWeChat       = 40
	MaxAddress      = 200
	// MaxLongText bounds a member's bio and notes.
	MaxLongText = 2000
	// MaxTitle bounds the titles of talks and reports, event names and
	// the texts of a certificate.
	MaxTitle = 200
	// MaxGroupName bounds a group's name.
	MaxGroupName = 60
	// MaxNote bounds a contribution's title and evidence, and the reason
	// of a decision or an override.
	MaxNote = 500
	// MaxQuantity bounds a contribution's quantity (PG 豆 of a year run
	// to tens of thousands) and a points override: far above any real
	// record, far below what would overflow a stored count.
	MaxQuantity = 1_000_000
	// MaxOperator bounds the operator's name, which audit entries and
	// decisions carry.
	MaxOperator = 40
	// MaxChapterName bounds the name and city a bundle gives its chapter.
	MaxChapterName = 80
)

// bidiControls are the Unicode explicit directional formatting characters
// (embeddings, overrides, isolates and the marks): in a name they make a
// list or a terminal show text in another order than it is stored, which
// is how a forged line passes for a real one.
const bidiControls = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

// ForbiddenRune reports whether r may not be stored in text: a control
// character (C0, DEL, C1) other than the line breaks and tabs multiline
// text keeps, or a directional formatting character.
func ForbiddenRune(r rune, multiline bool) bool {
	if multiline && (r == '\n' || r == '\r' || r == '\t') {
		return false
	}
	return unicode.IsControl(r) || strings.ContainsRune(bidiControls, r)
}

// textField is one text field of a record, with its cap; multiline
// allows line breaks and tabs (bios, notes, addresses).
type textField struct {
	field, value string
	max          int
	multiline    bool
}

// checkTexts checks each field as checkText does.
func checkTexts(f FieldErrors, fields ...textField) {
	for _, t := range fields {
		checkText(f, t.field, t.value, t.max, t.multiline)
	}
}

// checkText adds field's reason to f when value is longer than max
// characters ("too_long") or holds a forbidden rune ("control_character").
func checkText(f FieldErrors, field, value string, max int, multiline bool) {
	if utf8.RuneCountInString(value) > max {
		f.Add(field, "too_long")
	}
	if strings.IndexFunc(value, func(r rune) bool { return ForbiddenRune(r, multiline) }) >= 0 {
		f.Add(field, "control_character")
	}
}

// checkQuantity adds field's reason to f when n is below min or above
// MaxQuantity.
func checkQuantity(f FieldErrors, field string, n, min int) {
	switch {
	case n < min:
		f.Add(field, "not_positive")
	case n > MaxQuantity:
		f.Add(field, "above_max")
	}
}
