namespace HospitalOrleans.Hosting;

/// <summary>The data a demo start loads into an empty store.</summary>
public enum DemoProfile
{
    /// <summary>Not a demo: nothing is loaded.</summary>
    None,
    /// <summary>The demo cancer hospital with its patient index, WeChat menu and doctors' codes.</summary>
    Hospital,
    /// <summary>The rush benchmark's day: 300 pools of 60 numbers (and 300 of 500 the day after), nothing else.</summary>
    Rush,
}
