package app

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"acedesk/app/pdf"
	"acedesk/app/rules"
)

// The door of an event: who registered, who came, and who sits in front.
// These methods are few and take ids and versions only, because phones at
// the door (the LAN desk) will call them too.

// maxCheckInHits bounds a check-in search: a volunteer reads a screenful.
const maxCheckInHits = 20

// Attendees lists an event's attendees with their current level, in
// roster order.
func (s *EventService) Attendees(eventID uint64) ([]AttendeeRow, error) {
	e, err := s.repo.GetEvent(eventID)
	if err != nil {
		return nil, err
	}
	list, err := s.repo.Attendees(eventID)
	if err != nil {
		return nil, err
	}
	cands := make([]AttendeeCandidate, 0, len(list))
	for _, a := range list {
		m, err := s.repo.GetMember(a.MemberID)
		if err != nil {
			return nil, err
		}
		cands = append(cands, AttendeeCandidate{Member: m, Attendee: a, Registered: true})
	}
	rows, err := s.rows(e, cands)
	slices.SortFunc(rows, func(a, b AttendeeRow) int { return cmp.Compare(rosterKey(a), rosterKey(b)) })
	return rows, err
}

// rosterKey orders people by pinyin, then by name; those without a Latin
// name (often walk-ins) come last.
func rosterKey(r AttendeeRow) string {
	if r.NameLatin == "" {
		return "\uffff" + r.Name
	}
	return strings.ToLower(r.NameLatin) + "\x01" + r.Name
}

// rows turns candidates into what a desk sees, with the level each holds
// in the event's year.
func (s *EventService) rows(e Event, cands []AttendeeCandidate) ([]AttendeeRow, error) {
	ids := make([]uint64, len(cands))
	for i, c := range cands {
		ids[i] = c.Member.ID
	}
	levels, err := s.levelsIn(e.Year(), ids)
	if err != nil {
		return nil, err
	}
	out := make([]AttendeeRow, 0, len(cands))
	for _, c := range cands {
		m, a := c.Member, c.Attendee
		out = append(out, AttendeeRow{EventID: e.ID, MemberID: m.ID, Name: m.Name, NameLatin: m.NameLatin, Organization: m.Organization,
			Phone: MaskPhone(m.Phone), Level: string(cmp.Or(levels[m.ID], rules.LevelNone)), Registered: c.Registered, WalkIn: a.WalkIn,
			CheckedIn: a.CheckedIn, CheckedInAt: a.CheckedInAt, CheckedInBy: a.CheckedInBy, Device: a.Device, Version: a.Version})
	}
	return out, nil
}

// levelsIn is the highest level each of these members holds in year.
func (s *EventService) levelsIn(year int, memberIDs []uint64) (map[uint64]rules.Level, error) {
	holdings, err := s.repo.HoldingsOf(memberIDs)
	if err != nil {
		return nil, err
	}
	out := map[uint64]rules.Level{}
	for _, h := range holdings {
		if l := rules.Level(h.Level); h.HeldIn(year) && l.Rank() > out[h.MemberID].Rank() {
			out[h.MemberID] = l
		}
	}
	return out, nil
}

// row is one attendee as a desk sees it, after a change.
func (s *EventService) row(a Attendee) (AttendeeRow, error) {
	e, err := s.repo.GetEventBare(a.EventID)
	if err != nil {
		return AttendeeRow{}, err
	}
	m, err := s.repo.GetMember(a.MemberID)
	if err != nil {
		return AttendeeRow{}, err
	}
	rows, err := s.rows(e, []AttendeeCandidate{{Member: m, Attendee: a, Registered: true}})
	if err != nil {
		return AttendeeRow{}, err
	}
	return rows[0], nil
}

// Register adds a roster member to an event's attendees.
func (s *EventService) Register(eventID, memberID uint64) (AttendeeRow, error) {
	m, err := s.repo.GetMember(memberID)
	if err != nil {
		return AttendeeRow{}, err
	}
	if m.Archived {
		return AttendeeRow{}, Errorf(CodeConflict, "member_archived", "%s is archived: restore them first", m.Name).WithParams("member", m.Name)
	}
	c, err := s.settings.change()
	if err != nil {
		return AttendeeRow{}, err
	}
	a, err := s.repo.SaveAttendee(Attendee{EventID: eventID, MemberID: memberID, RegisteredAt: c.At}, ActionRegister, c)
	if isStale(err) {
		err = Errorf(CodeConflict, "already_registered", "%s is already registered", m.Name).WithParams("member", m.Name)
	}
	if err != nil {
		return AttendeeRow{}, err
	}
	return s.row(a)
}

// Unregister removes an attendee who has not checked in.
func (s *EventService) Unregister(eventID, memberID uint64, version int) error {
	a, err := s.attendee(eventID, memberID)
	if err != nil {
		return err
	}
	if a.CheckedIn {
		return s.conflict(a, "attendee_checked_in", "%s has checked in: undo the check-in first")
	}
	c, err := s.settings.change()
	if err != nil {
		return err
	}
	return s.repo.DeleteAttendee(eventID, memberID, version, c)
}

// CheckIn checks a member in, from the attendee version the desk showed
// (0: not registered, which registers them too). device names the desk.
// Of two desks checking in one person, the second gets a conflict.
func (s *EventService) CheckIn(eventID, memberID uint64, version int, device string) (AttendeeRow, error) {
	return s.door(eventID, memberID, version, device, true)
}

// UndoCheckIn takes back a check-in made by mistake; the registration stays.
func (s *EventService) UndoCheckIn(eventID, memberID uint64, version int, device string) (AttendeeRow, error) {
	return s.door(eventID, memberID, version, device, false)
}

func (s *EventService) door(eventID, memberID uint64, version int, device string, in bool) (AttendeeRow, error) {
	device, err := DeviceName(device)
	if err != nil {
		return AttendeeRow{}, err
	}
	a, found, err := s.repo.GetAttendee(eventID, memberID)
	if err != nil {
		return AttendeeRow{}, err
	}
	switch {
	case !found && !in:
		return AttendeeRow{}, s.notFound(eventID, memberID)
	case found && a.CheckedIn == in:
		return AttendeeRow{}, s.doorConflict(a)
	}
	if !found {
		m, err := s.repo.GetMember(memberID)
		if err != nil {
			return AttendeeRow{}, err
		}
		if m.Archived {
			return AttendeeRow{}, Errorf(CodeConflict, "member_archived", "%s is archived: restore them first", m.Name).WithParams("member", m.Name)
		}
		a = Attendee{EventID: eventID, MemberID: memberID}
	}
	c, err := s.settings.change()
	if err != nil {
		return AttendeeRow{}, err
	}
	a.Version = version
	action := ActionUndoCheckIn
	if in {
		action = ActionCheckIn
		if a.RegisteredAt.IsZero() {
			a.RegisteredAt = c.At
		}
		a.CheckedIn, a.CheckedInAt, a.CheckedInBy, a.Device = true, c.At, c.Actor, device
	} else {
		a.CheckedIn, a.CheckedInAt, a.CheckedInBy, a.Device = false, time.Time{}, "", ""
	}
	saved, err := s.repo.SaveAttendee(a, action, c)
	if err != nil {
		return AttendeeRow{}, s.explain(eventID, memberID, in, err)
	}
	return s.row(saved)
}

// explain turns a lost race into what the desk needs to know: another
// desk already checked this person in (in), or took the check-in back.
func (s *EventService) explain(eventID, memberID uint64, in bool, err error) error {
	if !isStale(err) {
		return err
	}
	if a, ok, gerr := s.repo.GetAttendee(eventID, memberID); gerr == nil && ok && a.CheckedIn == in {
		return s.doorConflict(a)
	}
	return err
}

func isStale(err error) bool {
	e := AsError(err)
	return e != nil && e.Code == CodeConflict && e.Reason == "stale"
}

// doorConflict says a check-in (or its undoing) was already done.
func (s *EventService) doorConflict(a Attendee) error {
	if !a.CheckedIn {
		return s.conflict(a, "not_checked_in", "%s has not checked in")
	}
	// At the door, which desk was first tells the volunteers more than the
	// operator's name, which is the same on every phone.
	reason := "already_checked_in"
	if a.Device != "" {
		reason = "already_checked_in_device"
	}
	e := s.conflict(a, reason, "%s has already checked in")
	return AsError(e).WithParams("by", a.CheckedInBy, "device", a.Device, "at", a.CheckedInAt.Format("15:04"))
}

func (s *EventService) conflict(a Attendee, reason, format string) error {
	name := strconv.FormatUint(a.MemberID, 10)
	if m, err := s.repo.GetMember(a.MemberID); err == nil {
		name = m.Name
	}
	return Errorf(CodeConflict, reason, format, name).WithParams("member", name)
}

func (s *EventService) attendee(eventID, memberID uint64) (Attendee, error) {
	a, ok, err := s.repo.GetAttendee(eventID, memberID)
	if err == nil && !ok {
		err = s.notFound(eventID, memberID)
	}
	return a, err
}

func (s *EventService) notFound(eventID, memberID uint64) error {
	return Errorf(CodeNotFound, "attendee_not_found", "member %d is not registered for event %d", memberID, eventID).
		WithParams("id", strconv.FormatUint(memberID, 10))
}

// WalkIn adds someone who came without registering: a new roster member
// with a name and a phone, checked in, in one transaction. A phone already
// on the roster is a conflict naming its member: search for them instead.
func (s *EventService) WalkIn(eventID uint64, in WalkIn, device string) (AttendeeRow, error) {
	device, err := DeviceName(device)
	if err != nil {
		return AttendeeRow{}, err
	}
	m := Member{Name: in.Name, NameLatin: in.NameLatin, Phone: in.Phone}
	m.Normalize()
	err = m.Validate()
	if m.Phone == "" {
		f := FieldErrors{"phone": "required"}
		if err != nil {
			for k, v := range AsError(err).Fields {
				f.Add(k, v)
			}
		}
		err = f.Err()
	}
	if err != nil {
		return AttendeeRow{}, err
	}
	c, err := s.settings.change()
	if err != nil {
		return AttendeeRow{}, err
	}
	_, a, err := s.repo.WalkIn(m, Attendee{EventID: eventID, WalkIn: true, RegisteredAt: c.At,
		CheckedIn: true, CheckedInAt: c.At, CheckedInBy: c.Actor, Device: device}, c)
	if err != nil {
		return AttendeeRow{}, err
	}
	return s.row(a)
}

// CheckInSearch finds people for the door by name, pinyin (also its
// initials) or phone: the event's registered attendees first, then the
// rest of the roster, at most a screenful.
func (s *EventService) CheckInSearch(eventID uint64, text string) ([]AttendeeRow, error) {
	e, err := s.repo.GetEventBare(eventID)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(text) == "" {
		return []AttendeeRow{}, nil
	}
	cands, err := s.repo.CheckInCandidates(eventID, CheckInMatcher(text), maxCheckInHits)
	if err != nil {
		return nil, err
	}
	return s.rows(e, cands)
}

// FrontRow is the seating list of the reserved front row: the attendees
// who hold a level in the event's year, Director first, then ACE, then
// Partner, each by pinyin. Everyone registered is listed, checked in or
// not, because the row and its cards are set up before the doors open.
func (s *EventService) FrontRow(eventID uint64) ([]AttendeeRow, error) {
	all, err := s.Attendees(eventID)
	if err != nil {
		return nil, err
	}
	out := slices.DeleteFunc(all, func(r AttendeeRow) bool { return rules.Level(r.Level).Rank() == 0 })
	slices.SortStableFunc(out, func(a, b AttendeeRow) int {
		return cmp.Compare(rules.Level(b.Level).Rank(), rules.Level(a.Level).Rank())
	})
	return out, nil
}

// PlaceCards is the PDF of the front row's tent cards (桌卡), one A4 page
// each, in seating order.
func (s *EventService) PlaceCards(eventID uint64) (FileResult, error) {
	e, err := s.repo.GetEvent(eventID)
	if err != nil {
		return FileResult{}, err
	}
	row, err := s.FrontRow(eventID)
	if err != nil {
		return FileResult{}, err
	}
	if len(row) == 0 {
		return FileResult{}, Errorf(CodeConflict, "front_row_empty", "no attendee of %s holds a level", e.Name).WithParams("event", e.Name)
	}
	r, err := s.renderer()
	if err != nil {
		return FileResult{}, err
	}
	cards := make([]pdf.PlaceCard, len(row))
	for i, a := range row {
		if err := printable(r, a.Name, a.MemberID, a.Name, a.NameLatin); err != nil {
			return FileResult{}, err
		}
		l := rules.Level(a.Level)
		cards[i] = pdf.PlaceCard{Name: a.Name, NameLatin: a.NameLatin, LevelZH: l.LabelZH(), LevelEN: l.LabelEN()}
		if cards[i].LevelEN == cards[i].LevelZH { // "PostgreSQL ACE" reads the same in both
			cards[i].LevelEN = ""
		}
	}
	var buf bytes.Buffer
	if err := r.PlaceCards(&buf, cards); err != nil {
		return FileResult{}, err
	}
	return FileResult{Name: "placecards-" + strconv.FormatUint(e.ID, 10) + ".pdf", Data: buf.Bytes()}, nil
}
