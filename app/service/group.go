package service

import "acedesk/app"

// groupStore is what GroupService needs of the store.
type groupStore interface {
	CreateGroup(g app.Group, ch app.Change) (app.Group, error)
	DeleteGroup(id uint64, version int, ch app.Change) error
	Groups() ([]app.Group, error)
	UpdateGroup(g app.Group, ch app.Change) (app.Group, error)
}

// GroupService keeps the committees' groups and their leads per year.
type GroupService struct {
	repo     groupStore
	settings *SettingsService
}

// Committees lists the committees with their labels.
func (s *GroupService) Committees() []app.Committee { return app.Committees }

// List returns every group.
func (s *GroupService) List() ([]app.Group, error) { return s.repo.Groups() }

// Create adds a group.
func (s *GroupService) Create(in app.Group) (app.Group, error) {
	c, err := s.check(&in)
	if err != nil {
		return app.Group{}, err
	}
	return s.repo.CreateGroup(in, c)
}

// Update saves an edit made from in.Version, leads and reports included.
func (s *GroupService) Update(in app.Group) (app.Group, error) {
	c, err := s.check(&in)
	if err != nil {
		return app.Group{}, err
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

func (s *GroupService) check(in *app.Group) (app.Change, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return app.Change{}, err
	}
	all, err := s.repo.Groups()
	if err != nil {
		return app.Change{}, err
	}
	for _, g := range all {
		if g.ID != in.ID && g.Committee == in.Committee && g.Name == in.Name {
			return app.Change{}, &app.Error{Code: app.CodeConflict, Reason: "fields", Message: "a group named " + in.Name + " already exists in that committee",
				Fields: map[string]string{"name": "duplicate"}}
		}
	}
	return s.settings.change()
}
