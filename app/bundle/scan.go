package bundle

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"time"
	"unicode/utf8"

	"acedesk/app"
)

// A bundle's audit is its largest file, headquarters only keeps it as sent
// and reads four fields of each entry; its contributions are the most
// numerous records. Through encoding/json, decoding them (and encoding the
// audit again) was most of a large merge. Here each line is checked to be
// one JSON object by the scanner below (the grammar json.Valid accepts,
// several times faster because it only walks bytes) and its top-level
// fields are set directly when they have the usual shape.

// maxJSONDepth is encoding/json's nesting limit, so that the scanner and
// json.Valid agree on every input.
const maxJSONDepth = 10000

var errNotJSONObject = errors.New("not one JSON object")

// jsonMember is a top-level member of an object: its key as written
// (between the quotes, escapes untouched) and its value's bytes.
type jsonMember struct {
	key, value []byte
}

// scanObject checks that line is exactly one JSON object, with white space
// around it allowed, and calls member for each of its top-level members.
func scanObject(line []byte, member func(jsonMember) error) error {
	s := jsonScanner{data: line}
	s.space()
	if s.i >= len(s.data) || s.data[s.i] != '{' {
		return errNotJSONObject
	}
	if !s.object(1, member) {
		return errNotJSONObject
	}
	if s.err != nil {
		return s.err
	}
	s.space()
	if s.i != len(s.data) {
		return errNotJSONObject
	}
	return nil
}

type jsonScanner struct {
	data []byte
	i    int
	// err is what a member callback returned; scanning stops there.
	err error
}

func (s *jsonScanner) space() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

func (s *jsonScanner) value(depth int) bool {
	if s.i >= len(s.data) {
		return false
	}
	switch c := s.data[s.i]; {
	case c == '"':
		return s.str()
	case c == '{':
		return s.object(depth+1, nil)
	case c == '[':
		return s.array(depth + 1)
	case c == '-' || c >= '0' && c <= '9':
		return s.number()
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	}
	return false
}

// object scans from '{'; member, when set, gets each member (top level only).
func (s *jsonScanner) object(depth int, member func(jsonMember) error) bool {
	if depth > maxJSONDepth {
		return false
	}
	s.i++
	s.space()
	if s.i < len(s.data) && s.data[s.i] == '}' {
		s.i++
		return true
	}
	for {
		if s.i >= len(s.data) || s.data[s.i] != '"' {
			return false
		}
		keyStart := s.i
		if !s.str() {
			return false
		}
		key := s.data[keyStart+1 : s.i-1]
		s.space()
		if s.i >= len(s.data) || s.data[s.i] != ':' {
			return false
		}
		s.i++
		s.space()
		valueStart := s.i
		if !s.value(depth) {
			return false
		}
		if member != nil && s.err == nil {
			s.err = member(jsonMember{key, s.data[valueStart:s.i]})
		}
		s.space()
		if s.i >= len(s.data) {
			return false
		}
		switch s.data[s.i] {
		case ',':
			s.i++
			s.space()
		case '}':
			s.i++
			return true
		default:
			return false
		}
	}
}

func (s *jsonScanner) array(depth int) bool {
	if depth > maxJSONDepth {
		return false
	}
	s.i++
	s.space()
	if s.i < len(s.data) && s.data[s.i] == ']' {
		s.i++
		return true
	}
	for {
		if !s.value(depth) {
			return false
		}
		s.space()
		if s.i >= len(s.data) {
			return false
		}
		switch s.data[s.i] {
		case ',':
			s.i++
			s.space()
		case ']':
			s.i++
			return true
		default:
			return false
		}
	}
}

// plainByte: bytes a string may hold as they are. The audit's strings are
// most of a bundle's bytes: str skips runs of them in a loop over local
// variables rather than going through the scanner's fields byte by byte.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// str scans a string from its opening quote past its closing one.
func (s *jsonScanner) str() bool {
	s.i++
	for {
		data, i := s.data, s.i
		for i < len(data) && plainByte[data[i]] {
			i++
		}
		s.i = i
		if i == len(data) {
			return false
		}
		c := data[i]
		switch {
		case c == '"':
			s.i++
			return true
		case c < 0x20:
			return false
		case c == '\\':
			s.i++
			if s.i >= len(s.data) {
				return false
			}
			switch s.data[s.i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.i++
			case 'u':
				if s.i+4 >= len(s.data) {
					return false
				}
				for _, h := range s.data[s.i+1 : s.i+5] {
					if !isHex(h) {
						return false
					}
				}
				s.i += 5
			default:
				return false
			}
		}
	}
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// number scans -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *jsonScanner) number() bool {
	if s.data[s.i] == '-' {
		s.i++
	}
	switch {
	case s.i < len(s.data) && s.data[s.i] == '0':
		s.i++
	case s.digits() == 0:
		return false
	}
	if s.i < len(s.data) && s.data[s.i] == '.' {
		s.i++
		if s.digits() == 0 {
			return false
		}
	}
	if s.i < len(s.data) && (s.data[s.i] == 'e' || s.data[s.i] == 'E') {
		s.i++
		if s.i < len(s.data) && (s.data[s.i] == '+' || s.data[s.i] == '-') {
			s.i++
		}
		if s.digits() == 0 {
			return false
		}
	}
	return true
}

func (s *jsonScanner) digits() int {
	start := s.i
	for s.i < len(s.data) && s.data[s.i] >= '0' && s.data[s.i] <= '9' {
		s.i++
	}
	return s.i - start
}

func (s *jsonScanner) literal(word string) bool {
	if len(s.data)-s.i < len(word) || string(s.data[s.i:s.i+len(word)]) != word {
		return false
	}
	s.i += len(word)
	return true
}

// fieldSetter sets a record's field from its JSON value, for the member
// name as encoding/json spells it; it returns false for a value it does not
// take on the fast path.
type fieldSetter[T any] struct {
	name string
	set  func(v *T, value []byte) bool
}

// fieldSetters are in the order ACE Desk writes the members: decodeFields
// tries the one after the last match first, so the usual line finds each
// setter with one comparison (hashing each name took a sixth of decoding).
type fieldSetters[T any] []fieldSetter[T]

// find is the index of key's setter, -1 if none; next is tried first.
func (fs fieldSetters[T]) find(key []byte, next int) int {
	if next < len(fs) && fs[next].name == string(key) {
		return next
	}
	for i := range fs {
		if fs[i].name == string(key) {
			return i
		}
	}
	return -1
}

// decodeFields decodes a JSON object line into *v, the zero T, through
// setters: decoding in place spares a large bundle an allocation per line.
// A member without a setter (an unknown field, a key in another case or
// with escapes) or a value a setter declines sends the line to
// json.Unmarshal, into fallback: so a line always decodes exactly as
// encoding/json would decode it, and the usual line, as ACE Desk writes it,
// several times faster.
func decodeFields[T, U any](line []byte, v *T, setters fieldSetters[T], fallback func(*U) T) error {
	fast, next := true, 0
	err := scanObject(line, func(m jsonMember) error {
		if !fast {
			return nil
		}
		i := setters.find(m.key, next)
		if i < 0 {
			fast = false
			return nil
		}
		fast, next = setters[i].set(v, m.value), i+1
		return nil
	})
	if err == nil && fast {
		return nil
	}
	var u U
	if err := json.Unmarshal(line, &u); err != nil {
		return err
	}
	*v = fallback(&u)
	return nil
}

func setUint[T any](field func(*T) *uint64) func(*T, []byte) bool {
	return func(v *T, value []byte) bool {
		n, err := strconv.ParseUint(string(value), 10, 64)
		*field(v) = n
		return err == nil
	}
}

func setInt[T any](field func(*T) *int) func(*T, []byte) bool {
	return func(v *T, value []byte) bool {
		n, err := strconv.ParseInt(string(value), 10, 64)
		*field(v) = int(n)
		return err == nil
	}
}

// setOptInt sets a *int: null is nil.
func setOptInt[T any](field func(*T) **int) func(*T, []byte) bool {
	return func(v *T, value []byte) bool {
		if string(value) == "null" {
			*field(v) = nil
			return true
		}
		n, err := strconv.ParseInt(string(value), 10, 64)
		i := int(n)
		*field(v) = &i
		return err == nil
	}
}

// plainString is a JSON string without escapes and valid UTF-8 (which
// encoding/json would replace): the bytes between the quotes are the string.
func plainString(value []byte) (string, bool) {
	if len(value) < 2 || value[0] != '"' || bytes.IndexByte(value, '\\') >= 0 || !utf8.Valid(value[1:len(value)-1]) {
		return "", false
	}
	return string(value[1 : len(value)-1]), true
}

func setString[T any](field func(*T) *string) func(*T, []byte) bool {
	return func(v *T, value []byte) bool {
		s, ok := plainString(value)
		*field(v) = s
		return ok
	}
}

// setTime goes through time.Time's own UnmarshalJSON, as encoding/json does.
func setTime[T any](field func(*T) *time.Time) func(*T, []byte) bool {
	return func(v *T, value []byte) bool { return field(v).UnmarshalJSON(value) == nil }
}

func anyValue[T any](*T, []byte) bool { return true }

// contributionFields are in Contribution's order (see fieldSetters).
var contributionFields = fieldSetters[app.Contribution]{
	{"id", setUint(func(c *app.Contribution) *uint64 { return &c.ID })},
	{"member_id", setUint(func(c *app.Contribution) *uint64 { return &c.MemberID })},
	{"kind", setString(func(c *app.Contribution) *string { return &c.Kind })},
	{"date", setString(func(c *app.Contribution) *string { return &c.Date })},
	{"quantity", setInt(func(c *app.Contribution) *int { return &c.Quantity })},
	{"title", setString(func(c *app.Contribution) *string { return &c.Title })},
	{"evidence", setString(func(c *app.Contribution) *string { return &c.Evidence })},
	{"status", setString(func(c *app.Contribution) *string { return &c.Status })},
	{"override", setOptInt(func(c *app.Contribution) **int { return &c.Override })},
	{"override_reason", setString(func(c *app.Contribution) *string { return &c.OverrideReason })},
	{"event_id", setUint(func(c *app.Contribution) *uint64 { return &c.EventID })},
	{"version", setInt(func(c *app.Contribution) *int { return &c.Version })},
	{"created_at", setTime(func(c *app.Contribution) *time.Time { return &c.CreatedAt })},
	{"updated_at", setTime(func(c *app.Contribution) *time.Time { return &c.UpdatedAt })},
}

// decodeContribution is json.Unmarshal into *c, the zero Contribution (see
// decodeFields).
func decodeContribution(line []byte, c *app.Contribution) error {
	return decodeFields(line, c, contributionFields, func(c *app.Contribution) app.Contribution { return *c })
}

// auditFields read what headquarters needs and check the rest has the
// type AuditEntry gives it; before and after are any JSON. In AuditEntry's
// order (see fieldSetters).
var auditFields = fieldSetters[app.BundleAudit]{
	{"id", setUint(func(a *app.BundleAudit) *uint64 { return &a.ID })},
	{"at", func(_ *app.BundleAudit, value []byte) bool { var t time.Time; return t.UnmarshalJSON(value) == nil }},
	{"actor", func(_ *app.BundleAudit, value []byte) bool { _, ok := plainString(value); return ok }},
	{"action", setString(func(a *app.BundleAudit) *string { return &a.Action })},
	{"entity", setString(func(a *app.BundleAudit) *string { return &a.Entity })},
	{"entity_id", setUint(func(a *app.BundleAudit) *uint64 { return &a.EntityID })},
	{"before", anyValue[app.BundleAudit]},
	{"after", anyValue[app.BundleAudit]},
}

// parseBundleAudit reads an audit line as json.Unmarshal into an AuditEntry
// would, keeping the line itself.
func parseBundleAudit(line []byte, a *app.BundleAudit) error {
	// The line is read into a buffer the next lines reuse.
	line = bytes.Clone(line)
	a.Line = line
	return decodeFields(line, a, auditFields, func(e *app.AuditEntry) app.BundleAudit {
		return app.BundleAudit{ID: e.ID, Action: e.Action, Entity: e.Entity, EntityID: e.EntityID, Line: line}
	})
}
