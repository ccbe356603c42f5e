package dev.vigil.batch;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds the {@link NightlyResources} of running jobs so that the steps of one run share one loaded engine.
 * Thread-safe; entries are released when the job ends.
 */
public class NightlyResourcesCache {
    private final ConcurrentHashMap<NightlyParameters, NightlyResources> loaded = new ConcurrentHashMap<>();

    public NightlyResources get(NightlyParameters params) {
        return loaded.computeIfAbsent(params, NightlyResources::load);
    }

    public void release(NightlyParameters params) {
        NightlyResources r = loaded.remove(params);
        if (r != null) {
            r.engine().close();
        }
    }
}
