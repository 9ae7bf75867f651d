package service

import "acedesk/app"

// memberStore is what MemberService needs of the store.
type memberStore interface {
	AuditFor(entity string, id uint64) ([]app.AuditEntry, error)
	// CreateMember assigns ID, Version 1 and the timestamps.
	CreateMember(m app.Member, c app.Change) (app.Member, error)
	DeleteMember(id uint64, version int, c app.Change) error
	GetMember(id uint64) (app.Member, error)
	// HasHistory reports whether anything else refers to the member, in
	// which case it may be archived but not deleted.
	HasHistory(memberID uint64) (bool, error)
	// MembersByContacts returns, each once, the members holding any of the
	// (normalized) phones or emails, in one read, so every row of a file is
	// matched against the same roster.
	MembersByContacts(phones, emails []string) ([]app.Member, error)
	SearchMembers(q app.MemberQuery) (app.MemberPage, error)
	// UpdateMember fails with a conflict when m.Version is not the stored one.
	UpdateMember(m app.Member, action string, c app.Change) (app.Member, error)
}

// MemberService manages the roster.
type MemberService struct {
	repo     memberStore
	clock    app.Clock
	settings *SettingsService
	names
}

// Search returns one page of active (or archived) members matching q.Text
// in name, Latin name, phone, email or organisation.
func (s *MemberService) Search(q app.MemberQuery) (app.MemberPage, error) {
	return s.repo.SearchMembers(q.Clamp())
}

func (s *MemberService) Get(id uint64) (app.Member, error) { return s.repo.GetMember(id) }

// Categories lists the organisation category keys the UI offers.
func (s *MemberService) Categories() []string { return app.OrgCategories }

// Create adds a member; a phone or email already on the roster is a conflict
// naming the member who has it.
func (s *MemberService) Create(in app.Member) (app.Member, error) {
	in.Normalize()
	if err := s.check(&in); err != nil {
		return app.Member{}, err
	}
	c, err := s.settings.change()
	if err != nil {
		return app.Member{}, err
	}
	in.ID, in.Archived = 0, false
	return s.repo.CreateMember(in, c)
}

// Update saves an edit. in.Version must be the version the edit started
// from, so an edit that lost a race is refused, not silently applied.
func (s *MemberService) Update(in app.Member) (app.Member, error) {
	in.Normalize()
	if err := s.check(&in); err != nil {
		return app.Member{}, err
	}
	cur, err := s.repo.GetMember(in.ID)
	if err != nil {
		return app.Member{}, err
	}
	in.Archived = cur.Archived // archiving has its own actions
	return s.save(in, app.ActionUpdate)
}

// names is what every way onto the roster does to a member's name: a
// Latin name derived when none is given, and a name the certificate font
// cannot print refused before anything is stored, not when the
// certificates of an event are printed.
type names struct {
	printer app.Printer
	latin   app.Romanizer
}

// fill derives the Latin name of a member who has none, when the name
// gives one (not "成员 12").
func (n names) fill(m *app.Member) {
	if m.NameLatin != "" || m.Name == "" {
		return
	}
	if l := n.latin.Latin(m.Name); app.IsLatinName(l) {
		m.NameLatin = l
	}
}

// printable refuses a member whose name the font lacks a character of.
func (n names) printable(m app.Member) error { return m.CheckPrintable(n.printer.Unprintable) }

// check fills in the Latin name, validates the member and refuses a name
// the font cannot print.
func (n names) check(m *app.Member) error {
	n.fill(m)
	if err := m.Validate(); err != nil {
		return err
	}
	return n.printable(*m)
}

// Archive hides a member from the roster, keeping their history.
func (s *MemberService) Archive(id uint64, version int) (app.Member, error) {
	return s.setArchived(id, version, true)
}

// Restore brings an archived member back to the roster.
func (s *MemberService) Restore(id uint64, version int) (app.Member, error) {
	return s.setArchived(id, version, false)
}

func (s *MemberService) setArchived(id uint64, version int, archived bool) (app.Member, error) {
	m, err := s.repo.GetMember(id)
	if err != nil {
		return app.Member{}, err
	}
	m.Version, m.Archived = version, archived
	action := app.ActionRestore
	if archived {
		action = app.ActionArchive
	}
	return s.save(m, action)
}

func (s *MemberService) save(m app.Member, action string) (app.Member, error) {
	c, err := s.settings.change()
	if err != nil {
		return app.Member{}, err
	}
	return s.repo.UpdateMember(m, action, c)
}

// Delete removes a member for good. Anyone with history is refused: archive
// them instead.
func (s *MemberService) Delete(id uint64, version int) error {
	m, err := s.repo.GetMember(id)
	if err != nil {
		return err
	}
	has, err := s.repo.HasHistory(id)
	if err != nil {
		return err
	}
	if has {
		return app.Errorf(app.CodeConflict, "member_has_history", "%s has history: archive instead of deleting", m.Name).
			WithParams("member", m.Name)
	}
	c, err := s.settings.change()
	if err != nil {
		return err
	}
	return s.repo.DeleteMember(id, version, c)
}

// History lists the audit entries of one member, oldest first.
func (s *MemberService) History(id uint64) ([]app.AuditEntry, error) {
	return s.repo.AuditFor("member", id)
}

// ByPhone finds the member with a phone number, written in any usual way.
func (s *MemberService) ByPhone(phone string) (app.Member, error) {
	p := app.NormalizePhone(phone)
	found, err := s.repo.MembersByContacts([]string{p}, nil)
	if err != nil {
		return app.Member{}, err
	}
	if len(found) == 0 {
		return app.Member{}, app.Errorf(app.CodeNotFound, "member_not_found", "no member has phone %s", phone).WithParams("phone", phone)
	}
	return found[0], nil
}
