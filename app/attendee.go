package app

import (
	"bytes"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Attendee is a member registered for an event and, once they arrive,
// checked in at the door. The store keys it by event and member.
type Attendee struct {
	EventID  uint64 `json:"event_id"`
	MemberID uint64 `json:"member_id"`
	// WalkIn marks someone added to the roster at the door.
	WalkIn       bool      `json:"walk_in"`
	RegisteredAt time.Time `json:"registered_at"`
	CheckedIn    bool      `json:"checked_in"`
	CheckedInAt  time.Time `json:"checked_in_at"`
	// CheckedInBy is the operator; Device the desk or phone they used
	// ("" is this computer).
	CheckedInBy string `json:"checked_in_by"`
	Device      string `json:"device"`
	Version     int    `json:"version"`
}

// AttendeeRow is what a desk sees of an attendee (or, in a check-in
// search, of a roster member not registered yet): enough to recognise
// and seat them, and the phone masked, because these lists go to
// volunteers' phones.
type AttendeeRow struct {
	EventID      uint64    `json:"event_id"`
	MemberID     uint64    `json:"member_id"`
	Name         string    `json:"name"`
	NameLatin    string    `json:"name_latin"`
	Organization string    `json:"organization"`
	Phone        string    `json:"phone"`
	Level        string    `json:"level"`
	Registered   bool      `json:"registered"`
	WalkIn       bool      `json:"walk_in"`
	CheckedIn    bool      `json:"checked_in"`
	CheckedInAt  time.Time `json:"checked_in_at"`
	CheckedInBy  string    `json:"checked_in_by"`
	Device       string    `json:"device"`
	Version      int       `json:"version"`
}

// WalkIn is the least the door needs to add someone to the roster.
type WalkIn struct {
	Name      string `json:"name"`
	NameLatin string `json:"name_latin"`
	Phone     string `json:"phone"`
}

// AttendeeCandidate is a roster member matching a check-in search, with
// their attendee record when registered.
type AttendeeCandidate struct {
	Member     Member
	Attendee   Attendee
	Registered bool
}

// AttendeeRepository keeps events' attendees. Writes are audited under the
// entity "attendance" with the event's ID, so an event's audit lists its
// door in order.
type AttendeeRepository interface {
	Attendees(eventID uint64) ([]Attendee, error)
	GetAttendee(eventID, memberID uint64) (Attendee, bool, error)
	// SaveAttendee creates the record (a.Version 0; a conflict if one
	// exists) or updates it if a.Version is the stored one.
	SaveAttendee(a Attendee, action string, ch Change) (Attendee, error)
	DeleteAttendee(eventID, memberID uint64, version int, ch Change) error
	// WalkIn creates the member and their attendee record at once: both or
	// neither.
	WalkIn(m Member, a Attendee, ch Change) (Member, Attendee, error)
	// CheckInCandidates returns at most limit active members that match
	// (given their lower-cased name and Latin name, and phone), the
	// event's registered ones first, each group in roster order.
	CheckInCandidates(eventID uint64, match func(name, latin, phone []byte) bool, limit int) ([]AttendeeCandidate, error)
}

// Audit actions of the door.
const (
	ActionRegister    = "register"
	ActionUnregister  = "unregister"
	ActionCheckIn     = "check_in"
	ActionUndoCheckIn = "undo_check_in"
	ActionWalkIn      = "walk_in"
)

// AuditAttendance is the audit entity of attendee records.
const AuditAttendance = "attendance"

// maxDeviceName bounds the device name a desk reports.
const maxDeviceName = 40

// DeviceName trims a device's name and refuses one too long or with
// control characters: it is shown to other volunteers and kept in the audit.
func DeviceName(s string) (string, error) {
	s = strings.TrimSpace(s)
	bad := utf8.RuneCountInString(s) > maxDeviceName || strings.IndexFunc(s, unicode.IsControl) >= 0
	if bad {
		return "", &Error{Code: CodeInvalid, Reason: "fields", Message: "the device name is too long or has control characters",
			Fields: map[string]string{"device": "invalid_device"}}
	}
	return s, nil
}

// MaskPhone keeps the first three and last four digits of a phone, enough
// for a volunteer to confirm it with its owner.
func MaskPhone(p string) string {
	n := len(p)
	if n < 8 {
		return strings.Repeat("*", n)
	}
	return p[:3] + strings.Repeat("*", n-7) + p[n-4:]
}

// CheckInMatcher returns whether a member matches every word of text: a
// word matches when it is part of the name, the Latin name (with or
// without spaces), the initials of the Latin name ("zs" for Zhang San),
// or, written as at least three digits, the phone. The name and Latin name
// come lower-cased, as the roster's search index keeps them. It runs once
// per roster member on every keystroke at the door, so it takes the
// index's bytes as they are, prepares the words once, and allocates
// nothing per member.
func CheckInMatcher(text string) func(name, latin, phone []byte) bool {
	// latin is false for a word that no Latin name can hold: Latin names
	// have no digits and no CJK (IsLatinName), so a phone or a Chinese name
	// skips scanning every member's Latin name, the search's main cost.
	type term struct {
		word, digits []byte
		latin        bool
	}
	var terms []term
	words := strings.Fields(strings.ToLower(text))
	if d := strings.TrimPrefix(NormalizePhone(text), "+"); isDigits(d) {
		words = []string{d} // a phone typed with spaces is one word
	}
	for _, w := range words {
		t := term{word: []byte(w), latin: !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsDigit(r) || r > 0x24F })}
		if d := strings.TrimPrefix(NormalizePhone(w), "+"); len(d) >= 3 && isDigits(d) {
			t.digits = []byte(d)
		}
		terms = append(terms, t)
	}
	return func(name, latin, phone []byte) bool {
		if len(terms) == 0 {
			return false
		}
		for _, t := range terms {
			switch {
			case bytes.Contains(name, t.word):
			case t.digits != nil && bytes.Contains(phone, t.digits):
			case t.latin && containsSkippingSpaces(latin, t.word):
			case t.latin && len(t.word) >= 2 && initialsStart(latin, t.word):
			default:
				return false
			}
		}
		return true
	}
}

// containsSkippingSpaces reports whether word occurs in s, spaces in s
// ignored ("zhangwei" in "zhang wei").
func containsSkippingSpaces(s, word []byte) bool {
	for i := range s {
		if s[i] == ' ' {
			continue
		}
		j, k := i, 0
		for k < len(word) && j < len(s) {
			if s[j] == ' ' {
				j++
				continue
			}
			if s[j] != word[k] {
				break
			}
			j, k = j+1, k+1
		}
		if k == len(word) {
			return true
		}
	}
	return false
}

// initialsStart reports whether word starts the initials of s's words
// ("zs" of "zhang san shi"); initials are compared as ASCII letters.
func initialsStart(s, word []byte) bool {
	k := 0
	for i := 0; i < len(s) && k < len(word); i++ {
		if s[i] != ' ' && s[i] != '-' && (i == 0 || s[i-1] == ' ' || s[i-1] == '-') {
			if s[i] != word[k] {
				return false
			}
			k++
		}
	}
	return k == len(word)
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
