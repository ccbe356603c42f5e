package dev.vigil.batch;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds the {@link NightlyResources} of running jobs so that the steps of one run share one loaded engine.
 * Thread-safe; entries are released when the job ends.
 */
public class NightlyResourcesCache {
    private final ConcurrentHashMap<NightlyParameters, NightlyResources> loaded = new ConcurrentHashMap<>();
    private final Path lmCache;

    /** @param lmCache where domain language models are cached */
    public NightlyResourcesCache(Path lmCache) {
        this.lmCache = lmCache;
    }

    public NightlyResources get(NightlyParameters params) {
        return loaded.computeIfAbsent(params, p -> NightlyResources.load(p, lmCache));
    }

    public void release(NightlyParameters params) {
        NightlyResources r = loaded.remove(params);
        if (r != null) {
            r.close();
        }
    }
}
