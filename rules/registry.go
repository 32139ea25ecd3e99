package rules

import "sync"

var (
	registryOnce sync.Once
	registry     []*Rule
	byID         map[string]*Rule
)

// families lists every rule family in catalogue order. A new family file
// adds its list here.
func families() [][]*Rule {
	return [][]*Rule{
		parseRules,
		sectionRules,
		labelRules,
		templateRules,
		cellRules,
		arithmeticRules,
		feeRules,
		narrativeRules,
		metaRules,
		crossYearRules,
	}
}

func build() {
	byID = map[string]*Rule{}
	for _, fam := range families() {
		for _, r := range fam {
			if byID[r.ID] != nil {
				panic("rules: duplicate rule ID " + r.ID)
			}
			byID[r.ID] = r
			registry = append(registry, r)
		}
	}
}

// All returns every rule in catalogue order.
func All() []*Rule {
	registryOnce.Do(build)
	return registry
}

// Lookup returns the rule with the ID, or nil.
func Lookup(id string) *Rule {
	registryOnce.Do(build)
	return byID[id]
}
