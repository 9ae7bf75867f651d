package service

import (
	"strconv"
	"strings"

	"acedesk/app"
)

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

// LedBy is the group member leads in year among those whose leads hold a
// level, for a promotion: the one named name when they lead several.
func (s *GroupService) LedBy(member uint64, year int, name string) (uint64, error) {
	groups, err := s.repo.Groups()
	if err != nil {
		return 0, err
	}
	var led []app.Group
	for _, g := range groups {
		if t, ok := g.Term(year); ok && t.LeadID == member && g.LeadsGivePartner() && (name == "" || g.Name == name) {
			led = append(led, g)
		}
	}
	switch len(led) {
	case 0:
		return 0, app.Errorf(app.CodeConflict, "leads_no_group", "the member leads no industry or city group in %d", year).
			WithParams("year", strconv.Itoa(year))
	case 1:
		return led[0].ID, nil
	}
	names := make([]string, len(led))
	for i, g := range led {
		names[i] = g.Name
	}
	return 0, app.Errorf(app.CodeInvalid, "leads_several_groups", "the member leads %s in %d: name the group", strings.Join(names, ", "), year).
		WithParams("groups", strings.Join(names, "、"), "year", strconv.Itoa(year))
}
