namespace FlameHub.Generator.Normalize;

/// <summary>
/// How a document spells its multi-word field names: <c>realm_id</c> (the Hub up to 0.12) or
/// <c>realmId</c> (from 0.13). Rules that pair or recognise fields by their words spell them
/// the document's way, so a stray name of the other style is left as it is.
/// </summary>
public enum FieldStyle
{
    Snake,
    Camel,
}
