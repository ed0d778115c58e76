namespace FlameHub.Generator.Report;

/// <summary>
/// Compares one operation present in both releases: its parameters (path ones by position,
/// the others by location and name), whether and how it takes a body, its answer's shape and
/// status codes. Body fields are not compared: the package derives its create and update types
/// from the entity's fields (RequestBodyRule), which <see cref="EntityFields"/> compares.
/// </summary>
internal static class OperationParts
{
    public static void Compare(ApiOperation old, ApiOperation @new, ChangeList changes)
    {
        CompareParameters(old, @new, changes);
        CompareBody(old, @new, changes);
        CompareAnswer(old, @new, changes);
    }

    private static void CompareParameters(ApiOperation old, ApiOperation @new, ChangeList changes)
    {
        var oldPath = PathParameters(old);
        var newPath = PathParameters(@new);
        for (var i = 0; i < Math.Min(oldPath.Count, newPath.Count); i++)
        {
            if (oldPath[i].Type != newPath[i].Type && oldPath[i].Type != "any" && newPath[i].Type != "any")
            {
                changes.Group(ChangeKind.ParameterTypeChanged, $"Path parameter type `{oldPath[i].Type}` → `{newPath[i].Type}`", $"`{@new.Display}`");
            }
        }
        var others = @new.Parameters.Where(p => p.In != "path").ToList();
        foreach (var parameter in old.Parameters.Where(p => p.In != "path"))
        {
            var match = others.FirstOrDefault(p => p.In == parameter.In && p.Name == parameter.Name)
                ?? others.FirstOrDefault(p => p.In == parameter.In && WireNames.Loose(p.Name) == WireNames.Loose(parameter.Name));
            if (match is null)
            {
                changes.Add(ChangeKind.ParameterRemoved, $"`{@new.Display}`", $"{parameter.In} parameter `{parameter.Name}` gone");
                continue;
            }
            others.Remove(match);
            if (match.Name != parameter.Name) changes.StyleRename(parameter.Name, match.Name);
            if (match.Type != parameter.Type) changes.Add(ChangeKind.ParameterTypeChanged, $"`{@new.Display}`", $"{parameter.In} parameter `{match.Name}`: `{parameter.Type}` → `{match.Type}`");
            if (match.Required && !parameter.Required) changes.Add(ChangeKind.ParameterNowRequired, $"`{@new.Display}`", $"{parameter.In} parameter `{match.Name}` now required");
        }
        foreach (var parameter in others)
        {
            changes.Add(parameter.Required ? ChangeKind.RequiredParameterAdded : ChangeKind.OptionalParameterAdded, $"`{@new.Display}`",
                $"new {(parameter.Required ? "required" : "optional")} {parameter.In} parameter `{parameter.Name}` (`{parameter.Type}`)");
        }
    }

    private static void CompareBody(ApiOperation old, ApiOperation @new, ChangeList changes)
    {
        var subject = $"`{@new.Display}`";
        switch (old.Body, @new.Body)
        {
            case (null, null):
                return;
            case (null, { } added):
                changes.Add(ChangeKind.BodyAdded, subject, $"now takes a {added.Kind} body");
                return;
            case ({ } removed, null):
                changes.Add(ChangeKind.BodyRemoved, subject, $"no longer takes a {removed.Kind} body");
                return;
            case ({ } a, { } b) when a.Kind != b.Kind:
                changes.Add(ChangeKind.BodyKindChanged, subject, $"body `{a.Kind}` → `{b.Kind}`");
                return;
        }
    }

    private static void CompareAnswer(ApiOperation old, ApiOperation @new, ChangeList changes)
    {
        var (was, @is) = (old.Answer.Shape, @new.Answer.Shape);
        if (was != @is)
        {
            var kind = (was, @is) switch
            {
                (AnswerShape.Record, AnswerShape.EnvelopedRecord) or (AnswerShape.Array, AnswerShape.EnvelopedArray) => ChangeKind.AnswerEnveloped,
                (AnswerShape.EnvelopedRecord, AnswerShape.Record) or (AnswerShape.EnvelopedArray, AnswerShape.Array) => ChangeKind.AnswerUnwrapped,
                _ => ChangeKind.AnswerShapeChanged,
            };
            var note = kind switch
            {
                ChangeKind.AnswerEnveloped => "; the package unwraps `data`, code reading the answer is unchanged",
                ChangeKind.AnswerUnwrapped => "; the package reads the bare answer, code reading it is unchanged",
                _ => "",
            };
            changes.Group(kind, $"Answer {ApiComparer.Describe(was)} → {ApiComparer.Describe(@is)}{note}", $"`{@new.Display}`", @new.Resource);
        }
        if (was == AnswerShape.List && @is == AnswerShape.List && old.Answer.DeclaredEnvelope != @new.Answer.DeclaredEnvelope)
        {
            changes.Group(ChangeKind.ListEnvelopeDeclared, @new.Answer.DeclaredEnvelope
                    ? "Lists: the document now declares the `{data, meta}` envelope the Hub already sent; the package reads lists as before"
                    : "Lists: the document now declares a bare array, the Hub still sends `{data, meta}`; the package reads lists as before",
                $"`{@new.Display}`", @new.Resource);
        }
        var (oldStatuses, newStatuses) = (string.Join("/", old.Answer.Statuses), string.Join("/", @new.Answer.Statuses));
        if (oldStatuses != newStatuses && oldStatuses.Length > 0 && newStatuses.Length > 0)
        {
            changes.Group(ChangeKind.StatusChanged, $"Success status `{oldStatuses}` → `{newStatuses}`", $"`{@new.Display}`", @new.Resource);
        }
    }

    private static List<ApiParameter> PathParameters(ApiOperation operation)
    {
        var names = operation.Path.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}')).ToList();
        return names.Select(n => operation.Parameters.FirstOrDefault(p => p.In == "path" && p.Name == n) ?? new ApiParameter("path", n, "any", true)).ToList();
    }
}
