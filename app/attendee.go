package app

import (
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
	// CheckInCandidates returns at most limit active members that match,
	// the event's registered ones first, each group in roster order.
	CheckInCandidates(eventID uint64, match func(name, latin, phone string) bool, limit int) ([]AttendeeCandidate, error)
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

// deviceName trims a device's name and refuses one too long or with
// control characters: it is shown to other volunteers and kept in the audit.
func deviceName(s string) (string, error) {
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
// or, written as at least three digits, the phone.
func CheckInMatcher(text string) func(name, latin, phone string) bool {
	terms := strings.Fields(strings.ToLower(text))
	return func(name, latin, phone string) bool {
		if len(terms) == 0 {
			return false
		}
		latin = strings.ToLower(latin)
		joined := strings.ReplaceAll(latin, " ", "")
		initials := initialsOf(latin)
		for _, t := range terms {
			digits := NormalizePhone(t)
			switch {
			case strings.Contains(strings.ToLower(name), t):
			case latin != "" && (strings.Contains(latin, t) || strings.Contains(joined, t)):
			case len(t) >= 2 && strings.HasPrefix(initials, t):
			case len(digits) >= 3 && isDigits(strings.TrimPrefix(digits, "+")) && strings.Contains(phone, strings.TrimPrefix(digits, "+")):
			default:
				return false
			}
		}
		return true
	}
}

func initialsOf(latin string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(latin, func(r rune) bool { return r == ' ' || r == '-' }) {
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(r)
	}
	return b.String()
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
