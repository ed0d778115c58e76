using System.Runtime.CompilerServices;

// The query builder is internal; its tests check the exact query strings it produces.
[assembly: InternalsVisibleTo("FlameHub.Generated.Tests")]
