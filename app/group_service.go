package app

// GroupService keeps the committees' groups and their leads per year.
type GroupService struct {
	repo     Repository
	settings *SettingsService
}

// Committees lists the committees with their labels.
func (s *GroupService) Committees() []Committee { return Committees }

// List returns every group.
func (s *GroupService) List() ([]Group, error) { return s.repo.Groups() }

// Create adds a group.
func (s *GroupService) Create(in Group) (Group, error) {
	c, err := s.check(&in)
	if err != nil {
		return Group{}, err
	}
	return s.repo.CreateGroup(in, c)
}

// Update saves an edit made from in.Version, leads and reports included.
func (s *GroupService) Update(in Group) (Group, error) {
	c, err := s.check(&in)
	if err != nil {
		return Group{}, err
	}
	return s.repo.UpdateGroup(in, c)
}

// Delete removes a group that organised no event.
func (s *GroupService) Delete(id uint64, version int) error {
	c, err := s.settings.change()
	if err != nil {
		return err
	}
	return s.repo.DeleteGroup(id, version, c)
}

func (s *GroupService) check(in *Group) (Change, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return Change{}, err
	}
	all, err := s.repo.Groups()
	if err != nil {
		return Change{}, err
	}
	for _, g := range all {
		if g.ID != in.ID && g.Committee == in.Committee && g.Name == in.Name {
			return Change{}, &Error{Code: CodeConflict, Reason: "fields", Message: "a group named " + in.Name + " already exists in that committee",
				Fields: map[string]string{"name": "duplicate"}}
		}
	}
	return s.settings.change()
}
