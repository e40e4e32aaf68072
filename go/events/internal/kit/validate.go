package kit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Schema is one provider's schema (core/events/<provider>.json), compiled on first use.
type Schema struct {
	provider string
	raw      []byte
	once     sync.Once
	kinds    map[string]*rule // kind -> the rule of its $defs type
	err      error
}

// NewSchema is provider's schema from its JSON text.
func NewSchema(provider string, raw []byte) *Schema { return &Schema{provider: provider, raw: raw} }

// Provider is the schema's scheme id.
func (s *Schema) Provider() string { return s.provider }

// rule is a compiled schema: the keywords docs/events.md lists (format and description
// are informative, and not kept).
type rule struct {
	types      []string
	properties map[string]*rule
	names      []string // the properties' names, sorted: the first problem is the same on every run
	required   []string
	closed     bool // additionalProperties: false
	items      *rule
	enum       []any
	constant   any
	hasConst   bool
	ref        *rule
	anyOf      []*rule
}

type schemaDoc struct {
	Events []struct {
		Kind string `json:"kind"`
		Type string `json:"type"`
	} `json:"x-events"`
	Defs map[string]json.RawMessage `json:"$defs"`
}

type ruleDoc struct {
	Type                 json.RawMessage            `json:"type"`
	Properties           map[string]json.RawMessage `json:"properties"`
	Required             []string                   `json:"required"`
	AdditionalProperties *bool                      `json:"additionalProperties"`
	Items                json.RawMessage            `json:"items"`
	Enum                 []any                      `json:"enum"`
	Const                json.RawMessage            `json:"const"`
	Ref                  string                     `json:"$ref"`
	AnyOf                []json.RawMessage          `json:"anyOf"`
}

func (s *Schema) compile() {
	var doc schemaDoc
	if s.err = json.Unmarshal(s.raw, &doc); s.err != nil {
		return
	}
	defs := map[string]*rule{}
	for name := range doc.Defs {
		defs[name] = &rule{}
	}
	var build func(raw json.RawMessage, into *rule) error
	build = func(raw json.RawMessage, into *rule) error {
		var d ruleDoc
		if err := json.Unmarshal(raw, &d); err != nil {
			return err
		}
		if len(d.Type) > 0 {
			if d.Type[0] == '[' {
				_ = json.Unmarshal(d.Type, &into.types)
			} else {
				var t string
				_ = json.Unmarshal(d.Type, &t)
				into.types = []string{t}
			}
		}
		into.required = d.Required
		into.closed = d.AdditionalProperties != nil && !*d.AdditionalProperties
		into.enum = d.Enum
		if len(d.Const) > 0 {
			into.hasConst = true
			_ = json.Unmarshal(d.Const, &into.constant)
		}
		if d.Ref != "" {
			into.ref = defs[strings.TrimPrefix(d.Ref, "#/$defs/")]
			if into.ref == nil {
				return fmt.Errorf("$ref %s is not a local #/$defs/ name", d.Ref)
			}
		}
		if d.Properties != nil {
			into.properties = map[string]*rule{}
			for name, p := range d.Properties {
				r := &rule{}
				if err := build(p, r); err != nil {
					return err
				}
				into.properties[name] = r
				into.names = append(into.names, name)
			}
			sort.Strings(into.names)
		}
		if len(d.Items) > 0 {
			into.items = &rule{}
			if err := build(d.Items, into.items); err != nil {
				return err
			}
		}
		for _, b := range d.AnyOf {
			r := &rule{}
			if err := build(b, r); err != nil {
				return err
			}
			into.anyOf = append(into.anyOf, r)
		}
		return nil
	}
	for name, raw := range doc.Defs {
		if s.err = build(raw, defs[name]); s.err != nil {
			return
		}
	}
	s.kinds = map[string]*rule{}
	for _, e := range doc.Events {
		s.kinds[e.Kind] = defs[e.Type]
	}
}

// Validate checks body against kind's schema: nil for a kind the schema does not list,
// else invalid_payload at the first JSON path where the payload breaks it.
func (s *Schema) Validate(kind string, body []byte) error {
	s.once.Do(s.compile)
	if s.err != nil {
		panic("kit: the embedded " + s.provider + " schema does not compile: " + s.err.Error())
	}
	r, ok := s.kinds[kind]
	if !ok {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var value any
	if err := dec.Decode(&value); err != nil || dec.More() {
		return PayloadError(kind, "$", "is not JSON")
	}
	if p := r.check(value); p != nil {
		path := "$"
		for i := len(p.at) - 1; i >= 0; i-- {
			path += p.at[i]
		}
		return PayloadError(kind, path, p.why)
	}
	return nil
}

// problem is what check found wrong: what was expected (never what was there: a
// payload's values stay out of errors and logs), and where, as the path's steps from the
// innermost out (".name", "[3]"), added on the way out of a failure only.
type problem struct {
	at  []string
	why string
}

func wrong(why string) *problem { return &problem{why: why} }

func (p *problem) in(step string) *problem {
	p.at = append(p.at, step)
	return p
}

// check is the first problem with v, or nil. An open object's fields are checked only
// where the schema names them.
func (r *rule) check(v any) *problem {
	if r.ref != nil {
		if p := r.ref.check(v); p != nil {
			return p
		}
	}
	if len(r.anyOf) > 0 {
		var real []*problem
		matched := false
		for _, b := range r.anyOf {
			p := b.check(v)
			if p == nil {
				matched = true
				break
			}
			if !(len(b.types) == 1 && b.types[0] == "null") {
				real = append(real, p)
			}
		}
		if !matched {
			// A nullable field ([{...}, {"type": "null"}]): the non-null branch says what.
			if len(real) == 1 && v != nil {
				return real[0]
			}
			return wrong("matches none of the shapes allowed here")
		}
	}
	if len(r.types) > 0 {
		ok := false
		for _, t := range r.types {
			ok = ok || isType(v, t)
		}
		if !ok {
			names := make([]string, len(r.types))
			for i, t := range r.types {
				names[i] = aType(t)
			}
			return wrong("must be " + strings.Join(names, " or ") + ", not " + aType(typeName(v)))
		}
	}
	if r.hasConst && !same(v, r.constant) {
		c, _ := json.Marshal(r.constant)
		return wrong("must be " + string(c))
	}
	if r.enum != nil {
		found := false
		for _, e := range r.enum {
			found = found || same(v, e)
		}
		if !found {
			return wrong(fmt.Sprintf("is not one of the %d values the schema allows", len(r.enum)))
		}
	}
	if obj, ok := v.(map[string]any); ok {
		for _, name := range r.required {
			if _, ok := obj[name]; !ok {
				return wrong("is missing").in(step(name))
			}
		}
		if r.closed {
			extra := make([]string, 0, len(obj))
			for name := range obj {
				if _, ok := r.properties[name]; !ok {
					extra = append(extra, name)
				}
			}
			if len(extra) > 0 {
				sort.Strings(extra)
				return wrong("is not a field the schema allows").in(step(extra[0]))
			}
		}
		for _, name := range r.names {
			if field, ok := obj[name]; ok {
				if p := r.properties[name].check(field); p != nil {
					return p.in(step(name))
				}
			}
		}
	}
	if arr, ok := v.([]any); ok && r.items != nil {
		for i, item := range arr {
			if p := r.items.check(item); p != nil {
				return p.in("[" + strconv.Itoa(i) + "]")
			}
		}
	}
	return nil
}

func isType(v any, t string) bool {
	switch t {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "null":
		return v == nil
	case "number":
		_, ok := v.(json.Number)
		return ok
	case "integer":
		n, ok := v.(json.Number)
		if !ok {
			return false
		}
		f, err := n.Float64()
		return err == nil && f == math.Trunc(f) && !math.IsInf(f, 0)
	}
	return false
}

func typeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case bool:
		return "boolean"
	}
	return "number"
}

// aType is "a string", "an object", "null".
func aType(t string) string {
	switch {
	case t == "null":
		return "null"
	case strings.ContainsRune("aeiou", rune(t[0])):
		return "an " + t
	}
	return "a " + t
}

// same is JSON equality, for const and enum (numbers compared as numbers).
func same(a, b any) bool {
	switch a := a.(type) {
	case json.Number:
		fa, _ := a.Float64()
		switch b := b.(type) {
		case float64:
			return fa == b
		case json.Number:
			fb, _ := b.Float64()
			return fa == fb
		}
		return false
	case map[string]any:
		bm, ok := b.(map[string]any)
		if !ok || len(a) != len(bm) {
			return false
		}
		for k, v := range a {
			if w, ok := bm[k]; !ok || !same(v, w) {
				return false
			}
		}
		return true
	case []any:
		bl, ok := b.([]any)
		if !ok || len(a) != len(bl) {
			return false
		}
		for i := range a {
			if !same(a[i], bl[i]) {
				return false
			}
		}
		return true
	}
	if n, ok := b.(json.Number); ok {
		return same(n, a)
	}
	return a == b
}

var identifier = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*$`)

// maxName is how much of a field name from the body a path shows (it is input).
const maxName = 64

// member is path.name, or path["name"] for a name that is no identifier.
func member(path, name string) string { return path + step(name) }

// step is .name, or ["name"] for a name that is no identifier.
func step(name string) string {
	if identifier.MatchString(name) {
		return "." + name
	}
	if r := []rune(name); len(r) > maxName {
		name = string(r[:maxName]) + "…"
	}
	q, _ := json.Marshal(name)
	return "[" + string(q) + "]"
}
