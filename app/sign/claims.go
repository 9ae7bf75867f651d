package sign

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"acedesk/app"

	"golang.org/x/text/unicode/norm"
)

// Claims are the domain's certificate claims.
type Claims = app.Claims

// Longest field values in runes: they keep the QR code small enough to
// print on a certificate and scan from a phone.
const (
	maxSerial = 32
	maxName   = 64
	maxTitle  = 120
	maxIssuer = 64
)

const separator = '\n'

// normalize returns c with every text field in NFC, which is what is
// signed: the same name typed two ways signs to the same payload.
func normalize(c Claims) Claims {
	c.Serial = norm.NFC.String(c.Serial)
	c.Name = norm.NFC.String(c.Name)
	c.Title = norm.NFC.String(c.Title)
	c.Issuer = norm.NFC.String(c.Issuer)
	c.Date = norm.NFC.String(c.Date)
	return c
}

// validate checks claims already in NFC.
func validate(c Claims) error {
	texts := []struct {
		name, value string
		required    bool
		max         int
	}{
		{"serial", c.Serial, true, maxSerial},
		{"name", c.Name, true, maxName},
		{"title", c.Title, false, maxTitle},
		{"issuer", c.Issuer, true, maxIssuer},
	}
	for _, f := range texts {
		if err := checkText(f.value, f.required, f.max); err != nil {
			return fmt.Errorf("%w: %s %v", app.ErrInvalidClaims, f.name, err)
		}
	}
	if c.Year < 1000 || c.Year > 9999 {
		return fmt.Errorf("%w: year %d is not four digits", app.ErrInvalidClaims, c.Year)
	}
	if !isDate(c.Date) {
		return fmt.Errorf("%w: date %q is not YYYY-MM-DD", app.ErrInvalidClaims, c.Date)
	}
	return nil
}

func checkText(s string, required bool, max int) error {
	switch {
	case required && strings.TrimSpace(s) == "":
		return errors.New("is empty")
	case !utf8.ValidString(s):
		return errors.New("is not UTF-8")
	case !norm.NFC.IsNormalString(s):
		return errors.New("is not in NFC")
	case utf8.RuneCountInString(s) > max:
		return fmt.Errorf("is longer than %d characters", max)
	}
	for _, r := range s {
		if r < 0x20 || (r >= 0x7f && r <= 0x9f) {
			return fmt.Errorf("holds the control character %U", r)
		}
	}
	return nil
}

func isDate(s string) bool {
	t, err := time.Parse(time.DateOnly, s)
	return err == nil && t.Format(time.DateOnly) == s
}

// encodeFields is the canonical byte form of valid claims.
func encodeFields(c Claims) []byte {
	return []byte(strings.Join([]string{c.Serial, c.Name, c.Title, strconv.Itoa(c.Year), c.Issuer, c.Date}, string(separator)))
}

// decodeFields parses and validates the canonical byte form.
func decodeFields(b []byte) (Claims, error) {
	parts := strings.Split(string(b), string(separator))
	if len(parts) != 6 {
		return Claims{}, fmt.Errorf("%d fields, want 6", len(parts))
	}
	year, err := strconv.Atoi(parts[3])
	if err != nil || len(parts[3]) != 4 || parts[3][0] < '1' || parts[3][0] > '9' {
		return Claims{}, fmt.Errorf("year %q is not four digits", parts[3])
	}
	c := Claims{Serial: parts[0], Name: parts[1], Title: parts[2], Year: year, Issuer: parts[4], Date: parts[5]}
	if err := validate(c); err != nil {
		return Claims{}, err
	}
	return c, nil
}
